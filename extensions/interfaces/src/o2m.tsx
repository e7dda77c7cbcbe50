import { defineInterface } from '@mantle/extensions-sdk';
import { useState } from 'preact/hooks';
import { CreateForm, describe, ItemPicker, ListRow, primaryKeyOf, useAsync, type Key, type Row } from './relational.js';
import { moved, useEntries, type Entry } from './list.js';
import type { StudioInterfaceProps } from './shared.js';

/** One-to-many: the related items pointing here; create, link, unlink and (with a sort field) reorder. */
function OneToMany(props: StudioInterfaceProps<unknown>) {
	const info = useAsync(() => describe(props.api, props.collection, props.field), [props.collection, props.field]);
	const key = useAsync(async () => (info ? primaryKeyOf(props.api, info.related) : undefined), [info]);
	const { entries, titler, update } = useEntries(props.api, props.value, info?.related, (named) => named.fields, info?.related);
	const [mode, setMode] = useState<'link' | 'create' | null>(null);
	if (!info || !entries || !titler || !key) return <p class="muted">Loading…</p>;
	const sortField = info.sortField;
	const toPayload = (list: Entry[]) =>
		list.map((entry, index) => {
			const sort = sortField ? { [sortField]: index + 1 } : {};
			if (entry.payload) return { ...entry.payload, ...sort };
			return sortField ? { [key]: entry.key, ...sort } : entry.key;
		});
	const change = (next: Entry[]) => update(next, toPayload, props.onInput as (value: unknown) => void);
	return (
		<div class="relational-list" id={props.id} role="group" aria-label={props.label}>
			<ul>
				{entries.length === 0 && <li class="muted">No items.</li>}
				{entries.map((entry, index) => (
					<ListRow
						key={String(entry.key ?? `new-${index}`)}
						title={titler.title(entry.row ?? entry.payload) || (entry.key !== undefined ? `#${entry.key}` : 'New item')}
						index={index}
						count={entries.length}
						disabled={props.disabled}
						sortable={Boolean(sortField)}
						onMove={(to) => change(moved(entries, index, to))}
						onRemove={() => change(entries.filter((_, at) => at !== index))}
					/>
				))}
			</ul>
			<div class="row">
				<button type="button" disabled={props.disabled} onClick={() => setMode('create')}>
					Create new
				</button>
				<button type="button" disabled={props.disabled} onClick={() => setMode('link')}>
					Add existing
				</button>
			</div>
			{mode === 'link' && (
				<ItemPicker
					api={props.api}
					collection={info.related}
					exclude={entries.map((entry) => entry.key).filter((entry): entry is Key => entry !== undefined)}
					onClose={() => setMode(null)}
					onPick={(picked: Key, row: Row) => {
						change([...entries, { key: picked, row }]);
						setMode(null);
					}}
				/>
			)}
			{mode === 'create' && (
				<CreateForm
					api={props.api}
					collection={info.related}
					onClose={() => setMode(null)}
					onCreate={(item) => {
						change([...entries, { payload: item, row: item }]);
						setMode(null);
					}}
				/>
			)}
		</div>
	);
}

export default defineInterface<unknown>({
	id: 'list-o2m',
	name: 'One to many',
	icon: 'arrow_right_alt',
	group: 'relational',
	types: ['alias'],
	component: OneToMany,
});

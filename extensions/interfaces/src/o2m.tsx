import { defineInterface } from '@mantle/extensions-sdk';
import { useState } from 'preact/hooks';
import { AddButtons, AddRelated, RelatedList, sortedPayload } from './entry-list.js';
import { describe, primaryKeyOf, useAsync, type Key } from './relational.js';
import { useEntries, type Entry } from './list.js';
import type { StudioInterfaceProps } from './shared.js';

/** One-to-many: the related items pointing here; create, link, unlink and (with a sort field) reorder. */
function OneToMany(props: StudioInterfaceProps<unknown>) {
	const info = useAsync(() => describe(props.api, props.collection, props.field), [props.collection, props.field]);
	const key = useAsync(async () => (info ? primaryKeyOf(props.api, info.related) : undefined), [info]);
	const { entries, titler, update } = useEntries(props.api, props.value, info?.related, (named) => named.fields, info?.related);
	const [mode, setMode] = useState<'link' | 'create' | null>(null);
	if (!info || !entries || !titler || !key) return <p class="muted">Loading…</p>;
	const sortField = info.sortField;
	const toPayload = (list: Entry[]) => sortedPayload(list, sortField, key);
	const change = (next: Entry[]) => update(next, toPayload, props.onInput as (value: unknown) => void);
	return (
		<RelatedList
			field={props}
			sortField={sortField}
			entries={entries}
			empty="No items."
			titleOf={(entry) => titler.title(entry.row ?? entry.payload) || (entry.key !== undefined ? `#${entry.key}` : 'New item')}
			onChange={change}
		>
			<AddButtons disabled={props.disabled} onMode={setMode} />
			<AddRelated
				api={props.api}
				collection={info.related}
				mode={mode}
				exclude={entries.map((entry) => entry.key).filter((entry): entry is Key => entry !== undefined)}
				onClose={() => setMode(null)}
				onLink={(picked, row) => {
					change([...entries, { key: picked, row }]);
					setMode(null);
				}}
				onCreate={(item) => {
					change([...entries, { payload: item, row: item }]);
					setMode(null);
				}}
			/>
		</RelatedList>
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

import { defineInterface } from '@mantle/extensions-sdk';
import { useState } from 'preact/hooks';
import { AddButtons, AddRelated, RelatedList, sortedPayload } from './entry-list.js';
import { describe, primaryKeyOf, useAsync, type Key, type Row } from './relational.js';
import { useEntries, type Entry } from './list.js';
import type { StudioInterfaceProps } from './shared.js';

/** Many-to-many through a junction collection: link, create, unlink and reorder related items. */
function ManyToMany(props: StudioInterfaceProps<unknown>) {
	const info = useAsync(() => describe(props.api, props.collection, props.field), [props.collection, props.field]);
	const junctionKey = useAsync(async () => (info?.junction ? primaryKeyOf(props.api, info.junction) : undefined), [info]);
	const relatedKey = useAsync(async () => (info?.related ? primaryKeyOf(props.api, info.related) : undefined), [info]);
	const through = info?.junctionField ?? '';
	const { entries, titler, update } = useEntries(
		props.api,
		props.value,
		info?.junction,
		(named) => named.fields.map((field) => `${through}.${field}`),
		info?.related,
	);
	const [mode, setMode] = useState<'link' | 'create' | null>(null);
	if (!info || info.kind !== 'm2m' || !entries || !titler || !junctionKey || !relatedKey) return <p class="muted">Loading…</p>;
	const sortField = info.sortField;
	const toPayload = (list: Entry[]) => sortedPayload(list, sortField, junctionKey);
	const change = (next: Entry[]) => update(next, toPayload, props.onInput as (value: unknown) => void);
	const linked = entries
		.map((entry) => (entry.row?.[through] as Row | undefined)?.[relatedKey] ?? entry.payload?.[through])
		.filter((value) => value !== undefined && typeof value !== 'object') as Key[];
	return (
		<RelatedList
			field={props}
			sortField={sortField}
			entries={entries}
			empty="No items."
			titleOf={(entry) => titler.title((entry.row?.[through] ?? entry.payload?.[through]) as Row) || 'New item'}
			onChange={change}
		>
			<AddButtons disabled={props.disabled} onMode={setMode} />
			<AddRelated
				api={props.api}
				collection={info.related}
				mode={mode}
				exclude={linked}
				onClose={() => setMode(null)}
				onLink={(picked, row) => {
					change([...entries, { payload: { [through]: picked }, row: { [through]: row } }]);
					setMode(null);
				}}
				onCreate={(item) => {
					change([...entries, { payload: { [through]: item }, row: { [through]: item } }]);
					setMode(null);
				}}
			/>
		</RelatedList>
	);
}

export default defineInterface<unknown>({
	id: 'list-m2m',
	name: 'Many to many',
	icon: 'hub',
	group: 'relational',
	types: ['alias'],
	component: ManyToMany,
});

import { defineInterface } from '@mantle/extensions-sdk';
import { AddToList, RelatedList } from './entry-list.js';
import { primaryKeyOf, useAsync, type Key, type Row } from './relational.js';
import type { StudioInterfaceProps } from './shared.js';
import { useToMany } from './to-many.js';

/** Many-to-many through a junction collection: link, create, unlink and reorder related items. */
function ManyToMany(props: StudioInterfaceProps<unknown>) {
	const { info, key, entries, titler, change } = useToMany(props, {
		rows: (info) => info.junction,
		titles: (info) => info.related,
		fields: (named, info) => named.fields.map((field) => `${info.junctionField}.${field}`),
	});
	const relatedKey = useAsync(async () => (info?.related ? primaryKeyOf(props.api, info.related) : undefined), [info]);
	const through = info?.junctionField ?? '';
	if (!info || info.kind !== 'm2m' || !entries || !titler || !key || !relatedKey) return <p class="muted">Loading…</p>;
	const linked = entries
		.map((entry) => (entry.row?.[through] as Row | undefined)?.[relatedKey] ?? entry.payload?.[through])
		.filter((value) => value !== undefined && typeof value !== 'object') as Key[];
	return (
		<RelatedList
			field={props}
			sortField={info.sortField}
			entries={entries}
			empty="No items."
			titleOf={(entry) => titler.title((entry.row?.[through] ?? entry.payload?.[through]) as Row) || 'New item'}
			onChange={change}
		>
			<AddToList
				api={props.api}
				collection={info.related}
				disabled={props.disabled}
				exclude={linked}
				onLink={(picked, row) => change([...entries, { payload: { [through]: picked }, row: { [through]: row } }])}
				onCreate={(item) => change([...entries, { payload: { [through]: item }, row: { [through]: item } }])}
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

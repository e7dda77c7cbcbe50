import { defineInterface } from '@mantle/extensions-sdk';
import { AddToList, RelatedList } from './entry-list.js';
import type { Key } from './relational.js';
import type { StudioInterfaceProps } from './shared.js';
import { useToMany } from './to-many.js';

/** One-to-many: the related items pointing here; create, link, unlink and (with a sort field) reorder. */
function OneToMany(props: StudioInterfaceProps<unknown>) {
	const { info, key, entries, titler, change } = useToMany(props, {
		rows: (info) => info.related,
		titles: (info) => info.related,
		fields: (named) => named.fields,
	});
	if (!info || !entries || !titler || !key) return <p class="muted">Loading…</p>;
	return (
		<RelatedList
			field={props}
			sortField={info.sortField}
			entries={entries}
			empty="No items."
			titleOf={(entry) => titler.title(entry.row ?? entry.payload) || (entry.key !== undefined ? `#${entry.key}` : 'New item')}
			onChange={change}
		>
			<AddToList
				api={props.api}
				collection={info.related}
				disabled={props.disabled}
				exclude={entries.map((entry) => entry.key).filter((entry): entry is Key => entry !== undefined)}
				onLink={(picked, row) => change([...entries, { key: picked, row }])}
				onCreate={(item) => change([...entries, { payload: item, row: item }])}
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

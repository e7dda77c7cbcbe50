import type { StudioApi } from '@mantle/extensions-sdk';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { moved, type Entry } from './list.js';
import { CreateForm, ItemPicker, ListRow, type Key, type Row } from './relational.js';
import type { StudioInterfaceProps } from './shared.js';

/**
 * What a to-many list sends on save: new and linked items as their payload, existing ones by
 * key, and, when the relation has a sort field, each with its position. `keyField` is the key of
 * the rows the list holds (the related collection's for one-to-many, the junction's otherwise).
 */
export function sortedPayload(list: Entry[], sortField: string | undefined, keyField: string): unknown[] {
	return list.map((entry, index) => {
		const sort = sortField ? { [sortField]: index + 1 } : {};
		if (entry.payload) return { ...entry.payload, ...sort };
		return sortField ? { [keyField]: entry.key, ...sort } : entry.key;
	});
}

/** The rows of a to-many list, each titled, removable, and movable when the relation is sorted. */
interface EntryRowsProps {
	entries: Entry[];
	empty: string;
	sortable: boolean;
	disabled?: boolean;
	removeLabel?: string;
	titleOf: (entry: Entry) => string;
	/** Drawn inside a row, e.g. a file's thumbnail. */
	extra?: (entry: Entry) => ComponentChildren;
	onChange: (next: Entry[]) => void;
}

export function EntryRows(props: EntryRowsProps) {
	const { entries, onChange } = props;
	return (
		<ul>
			{entries.length === 0 && <li class="muted">{props.empty}</li>}
			{entries.map((entry, index) => (
				<ListRow
					key={String(entry.key ?? `new-${index}`)}
					title={props.titleOf(entry)}
					index={index}
					count={entries.length}
					disabled={props.disabled === true}
					sortable={props.sortable}
					onMove={(to) => onChange(moved(entries, index, to))}
					onRemove={() => onChange(entries.filter((_, at) => at !== index))}
					removeLabel={props.removeLabel}
				>
					{props.extra?.(entry)}
				</ListRow>
			))}
		</ul>
	);
}

/** "Create new" and "Add existing", as the one-to-many and many-to-many lists offer them. */
function AddButtons(props: { disabled?: boolean; onMode: (mode: 'link' | 'create') => void }) {
	return (
		<div class="row">
			<button type="button" disabled={props.disabled} onClick={() => props.onMode('create')}>
				Create new
			</button>
			<button type="button" disabled={props.disabled} onClick={() => props.onMode('link')}>
				Add existing
			</button>
		</div>
	);
}

/**
 * A to-many field as the Studio draws it: a group named by the field's label, its rows (movable
 * when the relation has a sort field), then what adds to them.
 */
export function RelatedList(
	props: Omit<EntryRowsProps, 'sortable' | 'disabled'> & {
		field: Pick<StudioInterfaceProps, 'id' | 'label' | 'disabled'>;
		sortField: string | undefined;
		children: ComponentChildren;
	},
) {
	const { field, sortField, children, ...rows } = props;
	return (
		<div class="relational-list" id={field.id} role="group" aria-label={field.label}>
			<EntryRows {...rows} sortable={Boolean(sortField)} disabled={field.disabled} />
			{children}
		</div>
	);
}

/** The picker ("link") or the form ("create") an add button opened, over one related collection. */
export function AddRelated(props: {
	api: StudioApi;
	collection: string;
	mode: 'link' | 'create' | null;
	exclude?: Key[];
	onClose: () => void;
	onLink: (picked: Key, row: Row) => void;
	onCreate: (item: Row) => void;
}) {
	if (props.mode === 'link')
		return <ItemPicker api={props.api} collection={props.collection} exclude={props.exclude} onClose={props.onClose} onPick={props.onLink} />;
	if (props.mode === 'create') return <CreateForm api={props.api} collection={props.collection} onClose={props.onClose} onCreate={props.onCreate} />;
	return null;
}

/**
 * What adds to a one-to-many or many-to-many list: its two add buttons, then the form or the
 * picker the chosen one opens over the related collection, closed again once it has added.
 */
export function AddToList(props: {
	api: StudioApi;
	collection: string;
	disabled?: boolean;
	exclude: Key[];
	onLink: (picked: Key, row: Row) => void;
	onCreate: (item: Row) => void;
}) {
	const [mode, setMode] = useState<'link' | 'create' | null>(null);
	return (
		<>
			<AddButtons disabled={props.disabled} onMode={setMode} />
			<AddRelated
				api={props.api}
				collection={props.collection}
				mode={mode}
				exclude={props.exclude}
				onClose={() => setMode(null)}
				onLink={(picked, row) => {
					props.onLink(picked, row);
					setMode(null);
				}}
				onCreate={(item) => {
					props.onCreate(item);
					setMode(null);
				}}
			/>
		</>
	);
}

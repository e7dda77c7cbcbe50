import { defineInterface } from '@mantle/extensions-sdk';
import { useState } from 'preact/hooks';
import { AddRelated, RelatedList, sortedPayload } from './entry-list.js';
import { describe, primaryKeyOf, titlerOf, useAsync, type Row } from './relational.js';
import { useEntries, type Entry } from './list.js';
import type { StudioInterfaceProps } from './shared.js';

/** Many-to-any: a list of items from several collections (page blocks), built one by one. */
function ManyToAny(props: StudioInterfaceProps<unknown>) {
	const info = useAsync(() => describe(props.api, props.collection, props.field), [props.collection, props.field]);
	const junctionKey = useAsync(async () => (info?.junction ? primaryKeyOf(props.api, info.junction) : undefined), [info]);
	const itemField = info?.junctionField ?? 'item';
	const collectionField = info?.collectionField ?? 'collection';
	// Each allowed collection's titler, so a block reads as its title (`item:headings.title`), not its key.
	const titlers = useAsync(async () => (info?.allowed ? Promise.all(info.allowed.map((collection) => titlerOf(props.api, collection))) : undefined), [info]);
	const { entries, update } = useEntries(
		props.api,
		props.value,
		titlers && info?.junction,
		() => [
			collectionField,
			itemField,
			...(info?.allowed ?? []).flatMap((collection, at) => titlers![at]!.fields.map((field) => `${itemField}:${collection}.${field}`)),
		],
		info?.junction,
	);
	const [adding, setAdding] = useState<{ collection: string; mode: 'link' | 'create' } | null>(null);
	if (!info || info.kind !== 'm2a' || !entries || !junctionKey) return <p class="muted">Loading…</p>;
	const allowed = info.allowed ?? [];
	const sortField = info.sortField;
	const toPayload = (list: Entry[]) => sortedPayload(list, sortField, junctionKey);
	const change = (next: Entry[]) => update(next, toPayload, props.onInput as (value: unknown) => void);
	const titleOf = (entry: Entry) => {
		// A linked block's row holds the picked item; a created one's payload holds the values typed.
		const source = entry.row ?? entry.payload ?? {};
		const collection = String(source[collectionField] ?? '?');
		const item = source[itemField];
		const titler = titlers?.[allowed.indexOf(collection)];
		const described =
			item && typeof item === 'object' ? titler?.title(item as Row) || Object.values(item as Row).find((value) => typeof value === 'string') : item;
		return `${collection} · ${described ?? 'new'}`;
	};
	return (
		<RelatedList field={props} sortField={sortField} entries={entries} empty="No items." removeLabel="Remove" titleOf={titleOf} onChange={change}>
			<div class="row">
				{allowed.map((collection) => (
					<span key={collection} class="row">
						<button type="button" disabled={props.disabled} onClick={() => setAdding({ collection, mode: 'create' })}>
							New {collection}
						</button>
						<button type="button" disabled={props.disabled} onClick={() => setAdding({ collection, mode: 'link' })}>
							Existing {collection}
						</button>
					</span>
				))}
			</div>
			{adding && (
				<AddRelated
					api={props.api}
					collection={adding.collection}
					mode={adding.mode}
					onClose={() => setAdding(null)}
					onLink={(picked, row) => {
						change([
							...entries,
							{
								payload: { [collectionField]: adding.collection, [itemField]: String(picked) },
								row: { [collectionField]: adding.collection, [itemField]: row },
							},
						]);
						setAdding(null);
					}}
					onCreate={(item) => {
						change([...entries, { payload: { [collectionField]: adding.collection, [itemField]: item } }]);
						setAdding(null);
					}}
				/>
			)}
		</RelatedList>
	);
}

export default defineInterface<unknown>({
	id: 'list-m2a',
	name: 'Builder (many to any)',
	icon: 'widgets',
	group: 'relational',
	types: ['alias'],
	component: ManyToAny,
});

import type { RelationRow, StudioApi } from '@mantle/extensions-sdk';
import { useEffect, useState } from 'preact/hooks';

export type Key = string | number;
export type Row = Record<string, unknown>;

type Relation = RelationRow;
interface FieldInfo {
	field: string;
	type: string;
	schema: { is_primary_key?: boolean } | null;
	meta: { hidden?: boolean; special?: string[] | null } | null;
}
interface CollectionInfo {
	collection: string;
	meta: { display_template?: string | null } | null;
}

let relations: Promise<Relation[]> | undefined;
const fields = new Map<string, Promise<FieldInfo[]>>();
const collections = new Map<string, Promise<CollectionInfo | null>>();

/** The data model, read once per page load and shared by every relational interface. */
export function relationsOf(api: StudioApi): Promise<Relation[]> {
	relations ??= api.request<Relation[]>('/relations');
	return relations;
}
export function fieldsOf(api: StudioApi, collection: string): Promise<FieldInfo[]> {
	if (!fields.has(collection))
		fields.set(
			collection,
			api.request<FieldInfo[]>(`/fields/${encodeURIComponent(collection)}`).catch(() => []),
		);
	return fields.get(collection)!;
}
function collectionInfo(api: StudioApi, collection: string): Promise<CollectionInfo | null> {
	if (!collections.has(collection))
		collections.set(
			collection,
			api.request<CollectionInfo>(`/collections/${encodeURIComponent(collection)}`).catch(() => null),
		);
	return collections.get(collection)!;
}

/** Where a collection's items are: system collections have their own routes. */
export function itemsPath(collection: string): string {
	const system: Record<string, string> = { directus_files: '/files', directus_users: '/users', directus_roles: '/roles', directus_folders: '/folders' };
	return system[collection] ?? `/items/${encodeURIComponent(collection)}`;
}

export async function primaryKeyOf(api: StudioApi, collection: string): Promise<string> {
	return (await fieldsOf(api, collection)).find((field) => field.schema?.is_primary_key)?.field ?? 'id';
}

export interface Titler {
	fields: string[];
	title(row: Row | null | undefined): string;
}

/** How to name an item of a collection: its display template, else its first text field. */
export async function titlerOf(api: StudioApi, collection: string): Promise<Titler> {
	const [info, list] = await Promise.all([collectionInfo(api, collection), fieldsOf(api, collection)]);
	const key = list.find((field) => field.schema?.is_primary_key)?.field ?? 'id';
	const template = info?.meta?.display_template;
	if (template) {
		const paths = [...template.matchAll(/{{\s*([\w.]+)\s*}}/g)].map((found) => found[1]!);
		return {
			fields: [key, ...paths],
			title: (row) =>
				row
					? template.replace(/{{\s*([\w.]+)\s*}}/g, (_, path: string) =>
							String(path.split('.').reduce<unknown>((value, part) => (value as Row | null | undefined)?.[part], row) ?? ''),
						)
					: '',
		};
	}
	const text =
		['title', 'name', 'filename_download', 'email'].find((name) => list.some((field) => field.field === name)) ??
		list.find((field) => ['string', 'text'].includes(field.type) && !field.schema?.is_primary_key)?.field;
	return { fields: [key, ...(text ? [text] : [])], title: (row) => (row ? String((text && row[text]) ?? row[key] ?? '') : '') };
}

/** What a relational field is, read from `/relations`. */
export interface RelationInfo {
	kind: 'm2o' | 'o2m' | 'm2m' | 'm2a';
	/** The collection the user picks items from. */
	related: string;
	/** For o2m: the related collection's field pointing back; for m2m/m2a: the junction's field pointing back. */
	back?: string;
	junction?: string;
	/** In the junction, the field pointing at the picked item (m2m) or holding its key (m2a). */
	junctionField?: string;
	collectionField?: string;
	allowed?: string[];
	sortField?: string;
}

export async function describe(api: StudioApi, collection: string, field: string): Promise<RelationInfo | null> {
	const list = await relationsOf(api);
	const m2o = list.find((relation) => relation.collection === collection && relation.field === field);
	if (m2o?.related_collection) return { kind: 'm2o', related: m2o.related_collection };
	const o2m = list.find((relation) => relation.related_collection === collection && relation.meta?.one_field === field);
	if (!o2m) return null;
	const junctionField = o2m.meta?.junction_field;
	if (!junctionField) return { kind: 'o2m', related: o2m.collection, back: o2m.field, ...(o2m.meta?.sort_field ? { sortField: o2m.meta.sort_field } : {}) };
	const other = list.find((relation) => relation.collection === o2m.collection && relation.field === junctionField);
	const sort = o2m.meta?.sort_field ? { sortField: o2m.meta.sort_field } : {};
	if (other && !other.related_collection) {
		return {
			kind: 'm2a',
			related: '',
			junction: o2m.collection,
			back: o2m.field,
			junctionField,
			collectionField: other.meta?.one_collection_field ?? 'collection',
			allowed: other.meta?.one_allowed_collections ?? [],
			...sort,
		};
	}
	return { kind: 'm2m', related: other?.related_collection ?? '', junction: o2m.collection, back: o2m.field, junctionField, ...sort };
}

export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): T | undefined {
	const [value, setValue] = useState<T | undefined>(undefined);
	useEffect(() => {
		let live = true;
		load().then(
			(result) => live && setValue(result),
			() => undefined,
		);
		return () => {
			live = false;
		};
	}, deps);
	return value;
}

/** Search a collection and pick one item: the M2O picker, and "link existing" of the list interfaces. */
export function ItemPicker({
	api,
	collection,
	exclude = [],
	onPick,
	onClose,
}: {
	api: StudioApi;
	collection: string;
	exclude?: Key[];
	onPick: (key: Key, row: Row) => void;
	onClose: () => void;
}) {
	const [search, setSearch] = useState('');
	const [rows, setRows] = useState<Row[] | null>(null);
	const titler = useAsync(() => titlerOf(api, collection), [collection]);
	const key = useAsync(() => primaryKeyOf(api, collection), [collection]);
	useEffect(() => {
		if (!titler || !key) return;
		const timer = setTimeout(() => {
			api
				.request<Row[]>(itemsPath(collection), { query: { fields: titler.fields.join(','), limit: 25, ...(search ? { search } : {}) } })
				.then(setRows, () => setRows([]));
		}, 150);
		return () => clearTimeout(timer);
	}, [search, titler, key]);
	return (
		<div class="item-picker" role="dialog" aria-label={`Select an item of ${collection}`}>
			<label>
				<span class="visually-hidden">Search {collection}</span>
				<input type="search" placeholder={`Search ${collection}…`} value={search} onInput={(e) => setSearch(e.currentTarget.value)} autoFocus />
			</label>
			<ul class="picker-results">
				{rows === null && <li class="muted">Loading…</li>}
				{rows?.length === 0 && <li class="muted">Nothing found.</li>}
				{rows
					?.filter((row) => !exclude.map(String).includes(String(row[key!])))
					.map((row) => (
						<li key={String(row[key!])}>
							<button type="button" class="link" onClick={() => onPick(row[key!] as Key, row)}>
								{titler!.title(row) || `#${row[key!]}`}
							</button>
						</li>
					))}
			</ul>
			<button type="button" onClick={onClose}>
				Cancel
			</button>
		</div>
	);
}

/** A row of a relational list, with its unlink and move buttons. */
export function ListRow({
	title,
	index,
	count,
	disabled,
	sortable,
	onMove,
	onRemove,
	removeLabel = 'Unlink',
	children,
}: {
	title: string;
	index: number;
	count: number;
	disabled: boolean;
	sortable: boolean;
	onMove: (to: number) => void;
	onRemove: () => void;
	removeLabel?: string;
	children?: preact.ComponentChildren;
}) {
	return (
		<li class="relational-row">
			{children ?? <span>{title}</span>}
			{sortable && (
				<>
					<button type="button" class="ghost" aria-label={`Move ${title} up`} disabled={disabled || index === 0} onClick={() => onMove(index - 1)}>
						↑
					</button>
					<button type="button" class="ghost" aria-label={`Move ${title} down`} disabled={disabled || index === count - 1} onClick={() => onMove(index + 1)}>
						↓
					</button>
				</>
			)}
			<button type="button" class="ghost" aria-label={`${removeLabel} ${title}`} disabled={disabled} onClick={onRemove}>
				{removeLabel}
			</button>
		</li>
	);
}

/** The related collection's editable top-level fields, for "create new" forms. */
export function CreateForm({ api, collection, onCreate, onClose }: { api: StudioApi; collection: string; onCreate: (item: Row) => void; onClose: () => void }) {
	const list = useAsync(() => fieldsOf(api, collection), [collection]);
	const [values, setValues] = useState<Row>({});
	const editable = (list ?? []).filter(
		(field) =>
			!field.schema?.is_primary_key &&
			!field.meta?.hidden &&
			field.type !== 'alias' &&
			!(field.meta?.special ?? []).some((special) => ['m2o', 'file', 'user-created', 'date-created', 'user-updated', 'date-updated'].includes(special)),
	);
	return (
		<div class="create-form" role="group" aria-label={`New item of ${collection}`}>
			{editable.map((field) => (
				<label key={field.field}>
					{field.field}
					<input
						type={(['integer', 'float', 'decimal', 'bigInteger'].includes(field.type) ? 'number' : 'text') as 'number'}
						value={(values[field.field] as string) ?? ''}
						onInput={(e) =>
							setValues({
								...values,
								[field.field]:
									['integer', 'float'].includes(field.type) && e.currentTarget.value !== '' ? Number(e.currentTarget.value) : e.currentTarget.value,
							})
						}
					/>
				</label>
			))}
			<div class="row">
				<button type="button" class="primary" onClick={() => onCreate(values)}>
					Add
				</button>
				<button type="button" onClick={onClose}>
					Cancel
				</button>
			</div>
		</div>
	);
}

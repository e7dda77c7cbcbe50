import type { Item, PrimaryKey, Query } from './items.js';

type Row = Record<string, unknown>;
type Key = string | number;

/** What a version read needs to know of the data model, and how it reads related items (with the caller's permissions). */
export interface VersionModel {
	/** A many-to-one or one-to-many field's related collection; null for other fields (many-to-any stays as saved). */
	relation(collection: string, field: string): Promise<{ kind: 'm2o' | 'o2m'; related: string } | null>;
	primary(collection: string): Promise<string>;
	/** One related item as `query` asks for it; null when it does not exist or may not be read. */
	read(collection: string, key: PrimaryKey, query: Query): Promise<Item | null>;
}

/** A one-to-many's pending changes as a version saves them: the list itself, or what to create, update and delete. */
interface ListChanges {
	replace?: unknown[];
	create: unknown[];
	update: unknown[];
	delete: unknown[];
}

const isKey = (value: unknown): value is Key => typeof value === 'string' || typeof value === 'number';
const isRow = (value: unknown): value is Row => value !== null && typeof value === 'object' && !Array.isArray(value);
const keyOf = (entry: unknown, primary: string) => (isRow(entry) ? entry[primary] : entry);
const sameKey = (a: unknown, b: unknown) => isKey(a) && isKey(b) && String(a) === String(b);

/**
 * The query to read the main item with before `withVersionDelta`: the asked one, plus the
 * primary key of each one-to-many child the delta changes, so its updates and deletes find
 * their rows. The caller answers only the fields it was asked for.
 */
export async function versionReadQuery(model: VersionModel, collection: string, query: Query, delta: Item): Promise<Query> {
	const fields = query.fields ?? ['*'];
	const extra: string[] = [];
	for (const field of Object.keys(delta)) {
		const relation = await model.relation(collection, field);
		if (relation?.kind !== 'o2m' || !fields.some((path) => path.startsWith(`${field}.`))) continue;
		const path = `${field}.${await model.primary(relation.related)}`;
		if (!fields.includes(path)) extra.push(path);
	}
	return extra.length > 0 ? { ...query, fields: [...fields, ...extra] } : query;
}

/**
 * The item as a content version has it: the version's saved changes over the main item, for the
 * fields the query asked for. A many-to-one the version points elsewhere is read anew, and a
 * one-to-many's (or a many-to-many's junction rows') pending children are created, updated and
 * removed in the answer, as the item reads once the version is promoted. Children the version
 * would create have no key yet: they show as their saved payload.
 */
export async function withVersionDelta(model: VersionModel, collection: string, item: Item, query: Query, delta: Item): Promise<Item> {
	const result: Item = { ...item };
	for (const [field, value] of Object.entries(delta)) {
		if (!(field in item)) continue;
		const relation = await model.relation(collection, field);
		const below = () => nestedQuery(query, field);
		const nested = isRow(item[field]) || (Array.isArray(item[field]) && (item[field] as unknown[]).some(isRow));
		if (!relation) result[field] = value;
		else if (relation.kind === 'm2o')
			result[field] = nested ? await relatedOne(model, relation.related, below(), value, item[field]) : keyOf(value, await model.primary(relation.related));
		else if (Array.isArray(item[field]) && (Array.isArray(value) || isRow(value)))
			result[field] = await relatedList(model, relation.related, below(), item[field] as unknown[], value, nested);
	}
	return result;
}

/** A many-to-one's new value: null, the key of an item (read), an existing item with changes, or an item yet to be created. */
async function relatedOne(model: VersionModel, collection: string, query: Query, value: unknown, current: unknown): Promise<unknown> {
	if (value === null || value === undefined) return null;
	const primary = await model.primary(collection);
	if (isKey(value)) return model.read(collection, value, query);
	if (!isRow(value)) return null;
	if (!isKey(value[primary])) return created(model, collection, query, value);
	const base =
		isRow(current) && sameKey(current[primary], value[primary]) ? current : await model.read(collection, value[primary] as Key, withPrimary(query, primary));
	return base ? asAsked(await withVersionDelta(model, collection, base, query, value), query, primary) : null;
}

/** A one-to-many's children as the version has them, in the main item's order, new ones last; `nested` when they are read as items, not keys. */
async function relatedList(
	model: VersionModel,
	collection: string,
	query: Query,
	current: unknown[],
	value: unknown[] | Row,
	nested: boolean,
): Promise<unknown[]> {
	const primary = await model.primary(collection);
	const changes = listChanges(value);
	const existing = (key: unknown) => current.find((entry) => sameKey(keyOf(entry, primary), key));
	const changed = async (entry: unknown): Promise<unknown> => {
		const key = keyOf(entry, primary);
		if (!isKey(key)) return isRow(entry) ? (nested ? created(model, collection, query, entry) : entry) : undefined;
		if (!nested) return key;
		const base = (existing(key) as Row | undefined) ?? (await model.read(collection, key, withPrimary(query, primary)));
		return base && isRow(entry) ? withVersionDelta(model, collection, base, query, entry) : base;
	};
	let list: unknown[];
	if (changes.replace) list = await Promise.all(changes.replace.map(changed));
	else {
		const removed = new Set(changes.delete.map((entry) => String(keyOf(entry, primary))));
		const updates = new Map(changes.update.filter(isRow).map((entry) => [String(entry[primary]), entry]));
		const kept = current.filter((entry) => !removed.has(String(keyOf(entry, primary))));
		list = await Promise.all(kept.map((entry) => (updates.has(String(keyOf(entry, primary))) ? changed(updates.get(String(keyOf(entry, primary)))) : entry)));
		// Children moved here from another item are updates of rows the main item does not have yet.
		const moved = [...updates.values()].filter((entry) => !existing(entry[primary]));
		list.push(...(await Promise.all([...moved, ...changes.create].map(changed))));
	}
	const rows = list.filter((entry) => entry !== undefined && entry !== null);
	return nested ? rows.map((row) => asAsked(row, query, primary)) : rows;
}

/** A row without the primary key the read added to find it, when the query did not ask for it. */
function asAsked(row: unknown, query: Query, primary: string): unknown {
	const fields = query.fields ?? ['*'];
	if (!isRow(row) || !(primary in row) || fields.includes(primary) || fields.includes('*')) return row;
	const { [primary]: _added, ...asked } = row;
	return asked;
}

function listChanges(value: unknown[] | Row): ListChanges {
	if (Array.isArray(value)) return { replace: value, create: [], update: [], delete: [] };
	const list = (name: string) => (Array.isArray(value[name]) ? (value[name] as unknown[]) : []);
	return { create: list('create'), update: list('update'), delete: list('delete') };
}

/** An item the version would create: the asked fields of its payload, related values resolved as for existing items. */
async function created(model: VersionModel, collection: string, query: Query, payload: Row): Promise<Item> {
	const paths = query.fields ?? ['*'];
	const asked = new Set(paths.map((path) => path.split('.')[0]!).filter((field) => !field.includes('(')));
	if (asked.delete('*')) for (const field of Object.keys(payload)) asked.add(field);
	const result: Item = {};
	for (const field of asked) {
		const relation = await model.relation(collection, field);
		const value = payload[field];
		const hasNested = paths.some((path) => path.startsWith(`${field}.`));
		if (relation?.kind === 'm2o' && hasNested) result[field] = await relatedOne(model, relation.related, nestedQuery(query, field), value, undefined);
		else if (relation?.kind === 'o2m')
			result[field] = Array.isArray(value) || isRow(value) ? await relatedList(model, relation.related, nestedQuery(query, field), [], value, hasNested) : [];
		else result[field] = value ?? null;
	}
	return result;
}

function withPrimary(query: Query, primary: string): Query {
	const fields = query.fields ?? ['*'];
	return fields.includes(primary) || fields.includes('*') ? query : { ...query, fields: [...fields, primary] };
}

/** The part of a query below one relational field, as a query of its own. */
function nestedQuery(query: Query, field: string): Query {
	const prefix = `${field}.`;
	const fields = (query.fields ?? []).filter((path) => path.startsWith(prefix)).map((path) => path.slice(prefix.length));
	const deep = (query.deep as Record<string, Record<string, unknown>> | undefined)?.[field] ?? {};
	const inner = Object.fromEntries(Object.entries(deep).filter(([key]) => !key.startsWith('_')));
	return {
		...(fields.length > 0 ? { fields } : {}),
		...(deep._alias ? { alias: deep._alias as Query['alias'] } : {}),
		...(Object.keys(inner).length > 0 ? { deep: inner as Query['deep'] } : {}),
	};
}

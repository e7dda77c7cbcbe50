import { command, segment, type RestCommand } from '../command.js';
import { queryParams } from '../query.js';
import type { CollectionName, ItemOf, Query, QueryOutput } from '../schema.js';

type Key = string | number;
type Item<Schema, C> = ItemOf<Schema, C>;
type Read<Schema, C, Q> = QueryOutput<Item<Schema, C>, Q>;

const itemsPath = (collection: string) => `/items/${segment(collection)}`;

/** Items of a collection matching the query: `readItems('articles', { fields: ['id', 'author.name'] })`. */
export function readItems<Schema, const C extends CollectionName<Schema>, const Q extends Query<Item<Schema, C>>>(
	collection: C,
	query?: Q,
): RestCommand<Array<Read<Schema, C, Q>>, Schema> {
	return command({ method: 'GET', path: itemsPath(collection), params: queryParams(query) });
}

export function readItem<Schema, const C extends CollectionName<Schema>, const Q extends Query<Item<Schema, C>>>(
	collection: C,
	key: Key,
	query?: Q,
): RestCommand<Read<Schema, C, Q>, Schema> {
	return command({ method: 'GET', path: `${itemsPath(collection)}/${segment(key)}`, params: queryParams(query) });
}

/** A singleton collection's one item. */
export function readSingleton<Schema, const C extends CollectionName<Schema>, const Q extends Query<Item<Schema, C>>>(
	collection: C,
	query?: Q,
): RestCommand<Read<Schema, C, Q>, Schema> {
	return command({ method: 'GET', path: itemsPath(collection), params: queryParams(query) });
}

export function createItem<Schema, const C extends CollectionName<Schema>, const Q extends Query<Item<Schema, C>>>(
	collection: C,
	item: Partial<Item<Schema, C>>,
	query?: Q,
): RestCommand<Read<Schema, C, Q>, Schema> {
	return command({ method: 'POST', path: itemsPath(collection), params: queryParams(query), body: item });
}

export function createItems<Schema, const C extends CollectionName<Schema>, const Q extends Query<Item<Schema, C>>>(
	collection: C,
	items: Array<Partial<Item<Schema, C>>>,
	query?: Q,
): RestCommand<Array<Read<Schema, C, Q>>, Schema> {
	return command({ method: 'POST', path: itemsPath(collection), params: queryParams(query), body: items });
}

export function updateItem<Schema, const C extends CollectionName<Schema>, const Q extends Query<Item<Schema, C>>>(
	collection: C,
	key: Key,
	item: Partial<Item<Schema, C>>,
	query?: Q,
): RestCommand<Read<Schema, C, Q>, Schema> {
	return command({ method: 'PATCH', path: `${itemsPath(collection)}/${segment(key)}`, params: queryParams(query), body: item });
}

/** The same change to several items, named by key or by a query (`{ filter }`). */
export function updateItems<Schema, const C extends CollectionName<Schema>, const Q extends Query<Item<Schema, C>>>(
	collection: C,
	keysOrQuery: Key[] | Query<Item<Schema, C>>,
	item: Partial<Item<Schema, C>>,
	query?: Q,
): RestCommand<Array<Read<Schema, C, Q>>, Schema> {
	const body = Array.isArray(keysOrQuery) ? { keys: keysOrQuery, data: item } : { query: keysOrQuery, data: item };
	return command({ method: 'PATCH', path: itemsPath(collection), params: queryParams(query), body });
}

/** A different change per item: each item carries its primary key. */
export function updateItemsBatch<Schema, const C extends CollectionName<Schema>, const Q extends Query<Item<Schema, C>>>(
	collection: C,
	items: Array<Partial<Item<Schema, C>>>,
	query?: Q,
): RestCommand<Array<Read<Schema, C, Q>>, Schema> {
	return command({ method: 'PATCH', path: itemsPath(collection), params: queryParams(query), body: items });
}

export function updateSingleton<Schema, const C extends CollectionName<Schema>, const Q extends Query<Item<Schema, C>>>(
	collection: C,
	item: Partial<Item<Schema, C>>,
	query?: Q,
): RestCommand<Read<Schema, C, Q>, Schema> {
	return command({ method: 'PATCH', path: itemsPath(collection), params: queryParams(query), body: item });
}

export function deleteItem<Schema, const C extends CollectionName<Schema>>(collection: C, key: Key): RestCommand<void, Schema> {
	return command({ method: 'DELETE', path: `${itemsPath(collection)}/${segment(key)}` });
}

export function deleteItems<Schema, const C extends CollectionName<Schema>>(
	collection: C,
	keysOrQuery: Key[] | Query<Item<Schema, C>>,
): RestCommand<void, Schema> {
	const body = Array.isArray(keysOrQuery) ? keysOrQuery : { query: keysOrQuery };
	return command({ method: 'DELETE', path: itemsPath(collection), body });
}

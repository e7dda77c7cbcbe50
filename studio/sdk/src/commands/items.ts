import { command, segment, type RestCommand } from '../command.js';
import { queryParams } from '../query.js';
import type { CollectionName, ItemOf, Query, QueryOutput } from '../schema.js';
import { createMany, createOne, deleteMany, deleteOne, readMany, readOne, updateMany, updateOne } from './crud.js';

type Key = string | number;
type Item<Schema, C> = ItemOf<Schema, C>;
type Read<Schema, C, Q> = QueryOutput<Item<Schema, C>, Q>;

const itemsPath = (collection: string) => `/items/${segment(collection)}`;

/** Items of a collection matching the query: `readItems('articles', { fields: ['id', 'author.name'] })`. */
export const readItems = <Schema, const C extends CollectionName<Schema>, const Q extends Query<Item<Schema, C>>>(
	collection: C,
	query?: Q,
): RestCommand<Array<Read<Schema, C, Q>>, Schema> => readMany<Read<Schema, C, Q>>(itemsPath(collection), query);

export const readItem = <Schema, const C extends CollectionName<Schema>, const Q extends Query<Item<Schema, C>>>(
	collection: C,
	key: Key,
	query?: Q,
): RestCommand<Read<Schema, C, Q>, Schema> => readOne<Read<Schema, C, Q>>(itemsPath(collection), key, query);

/** A singleton collection's one item. */
export const readSingleton = <Schema, const C extends CollectionName<Schema>, const Q extends Query<Item<Schema, C>>>(
	collection: C,
	query?: Q,
): RestCommand<Read<Schema, C, Q>, Schema> => command({ method: 'GET', path: itemsPath(collection), params: queryParams(query) });

export const createItem = <Schema, const C extends CollectionName<Schema>, const Q extends Query<Item<Schema, C>>>(
	collection: C,
	item: Partial<Item<Schema, C>>,
	query?: Q,
): RestCommand<Read<Schema, C, Q>, Schema> => createOne<Read<Schema, C, Q>>(itemsPath(collection), item, query);

export const createItems = <Schema, const C extends CollectionName<Schema>, const Q extends Query<Item<Schema, C>>>(
	collection: C,
	items: Array<Partial<Item<Schema, C>>>,
	query?: Q,
): RestCommand<Array<Read<Schema, C, Q>>, Schema> => createMany<Read<Schema, C, Q>>(itemsPath(collection), items, query);

export const updateItem = <Schema, const C extends CollectionName<Schema>, const Q extends Query<Item<Schema, C>>>(
	collection: C,
	key: Key,
	item: Partial<Item<Schema, C>>,
	query?: Q,
): RestCommand<Read<Schema, C, Q>, Schema> => updateOne<Read<Schema, C, Q>>(itemsPath(collection), key, item, query);

/** The same change to several items, named by key or by a query (`{ filter }`). */
export const updateItems = <Schema, const C extends CollectionName<Schema>, const Q extends Query<Item<Schema, C>>>(
	collection: C,
	keysOrQuery: Key[] | Query<Item<Schema, C>>,
	item: Partial<Item<Schema, C>>,
	query?: Q,
): RestCommand<Array<Read<Schema, C, Q>>, Schema> => updateMany<Read<Schema, C, Q>>(itemsPath(collection), keysOrQuery, item, query);

/** A different change per item: each item carries its primary key. */
export const updateItemsBatch = <Schema, const C extends CollectionName<Schema>, const Q extends Query<Item<Schema, C>>>(
	collection: C,
	items: Array<Partial<Item<Schema, C>>>,
	query?: Q,
): RestCommand<Array<Read<Schema, C, Q>>, Schema> => command({ method: 'PATCH', path: itemsPath(collection), params: queryParams(query), body: items });

export const updateSingleton = <Schema, const C extends CollectionName<Schema>, const Q extends Query<Item<Schema, C>>>(
	collection: C,
	item: Partial<Item<Schema, C>>,
	query?: Q,
): RestCommand<Read<Schema, C, Q>, Schema> => command({ method: 'PATCH', path: itemsPath(collection), params: queryParams(query), body: item });

export const deleteItem = <Schema, const C extends CollectionName<Schema>>(collection: C, key: Key): RestCommand<void, Schema> =>
	deleteOne(itemsPath(collection), key);

export const deleteItems = <Schema, const C extends CollectionName<Schema>>(
	collection: C,
	keysOrQuery: Key[] | Query<Item<Schema, C>>,
): RestCommand<void, Schema> => deleteMany(itemsPath(collection), keysOrQuery);

import type { Readable } from 'node:stream';
import type { Accountability } from './accountability.js';

export type PrimaryKey = string | number;

/** The aggregate functions of the `aggregate` query parameter; the data engine reads this list too. */
export const aggregateFunctions = ['count', 'countDistinct', 'countAll', 'sum', 'sumDistinct', 'avg', 'avgDistinct', 'min', 'max'] as const;
export type AggregateFunction = (typeof aggregateFunctions)[number];

export type Item = Record<string, unknown>;

/** Filter rules as the REST API takes them: `{ status: { _eq: 'draft' } }`, `_and`, `_or`, ... */
export type Filter = Record<string, unknown>;

/**
 * The REST API's query parameters, as objects rather than strings. Methods also accept the raw
 * parameters of a request (`req.query`), which they parse and check the same way.
 */
export interface Query {
	fields?: string[];
	filter?: Filter;
	search?: string;
	sort?: string[];
	limit?: number;
	offset?: number;
	page?: number;
	aggregate?: Partial<Record<AggregateFunction, string[]>>;
	groupBy?: string[];
	deep?: Record<string, Query>;
	alias?: Record<string, string>;
	meta?: Array<'total_count' | 'filter_count'>;
	export?: 'json' | 'csv' | 'xml' | 'yaml';
}

export type QueryInput = Query | Record<string, unknown>;

/**
 * One collection, reached through the data engine with the caller's accountability, so every
 * permission applies. For sandboxed code the `items` scope also limits the collections and
 * actions; anything else rejects with `FORBIDDEN`. Writes are transactions: a failure leaves
 * nothing of them behind.
 */
export interface ItemsService<T extends Item = Item> {
	/** The collection's primary key field and whether it is a singleton. */
	info(): Promise<{ primary: string; singleton: boolean }>;
	readByQuery(query?: QueryInput): Promise<T[]>;
	/** Rejects with `FORBIDDEN` when the item does not exist or may not be read. */
	readOne(key: PrimaryKey, query?: QueryInput): Promise<T>;
	readMany(keys: PrimaryKey[], query?: QueryInput): Promise<T[]>;
	/** A singleton collection's item (its defaults before it is first saved). */
	readSingleton(query?: QueryInput): Promise<T>;
	meta(query: QueryInput, keys: Array<'total_count' | 'filter_count'>): Promise<{ total_count?: number; filter_count?: number }>;
	/** The query's result in an export format (`query.export`), as a stream. */
	export(query: QueryInput): Promise<{ contentType: string; filename: string; stream: Readable }>;
	createOne(data: Partial<T>): Promise<PrimaryKey>;
	createMany(data: Array<Partial<T>>): Promise<PrimaryKey[]>;
	updateOne(key: PrimaryKey, data: Partial<T>): Promise<PrimaryKey>;
	updateMany(keys: PrimaryKey[], data: Partial<T>): Promise<PrimaryKey[]>;
	/** Each item carries its own key and changes. */
	updateBatch(items: Array<Partial<T>>): Promise<PrimaryKey[]>;
	updateByQuery(query: QueryInput, data: Partial<T>): Promise<PrimaryKey[]>;
	upsertSingleton(data: Partial<T>): Promise<PrimaryKey>;
	deleteOne(key: PrimaryKey): Promise<PrimaryKey>;
	deleteMany(keys: PrimaryKey[]): Promise<PrimaryKey[]>;
	deleteByQuery(query: QueryInput): Promise<PrimaryKey[]>;
	/** Items from a JSON array or CSV stream (format from the content type or file name), in one transaction; existing keys are updated. */
	import(stream: Readable, options: { contentType?: string; filename?: string }): Promise<{ created: number; updated: number }>;
}

export interface ItemsOptions {
	/** Whose permissions apply: pass the request's accountability. `null` is the system (trusted code only). */
	accountability?: Accountability | null;
	/**
	 * Writes touch this collection only: a relational value must be a key, and a nested item or a
	 * list of related items is refused with FORBIDDEN. For code that writes on a caller's behalf
	 * with wider rights than theirs (own-row routes), so the payload cannot reach other collections.
	 */
	plainWrites?: boolean;
}

export type ItemsCapability = <T extends Item = Item>(collection: string, options?: ItemsOptions) => ItemsService<T>;

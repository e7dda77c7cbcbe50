import type { Readable } from 'node:stream';
import type { Accountability } from './accountability.js';

export type PrimaryKey = string | number;

/** The aggregate functions of the `aggregate` query parameter; the data engine reads this list too. */
export const aggregateFunctions = ['count', 'countDistinct', 'countAll', 'sum', 'sumDistinct', 'avg', 'avgDistinct', 'min', 'max'] as const;
export type AggregateFunction = (typeof aggregateFunctions)[number];

export type Item = Record<string, unknown>;

/** Filter rules as the REST API takes them: `{ status: { _eq: 'draft' } }`, `_and`, `_or`, ... */
export type Filter = Record<string, unknown>;

/** The formats of the `export` query parameter. */
export const exportFormats = ['json', 'csv', 'xml', 'yaml'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** The counts the `meta` query parameter asks for (`*` is both). */
export const metaKeys = ['total_count', 'filter_count'] as const;
export type MetaKey = (typeof metaKeys)[number];

/**
 * The REST API's query parameters, as objects rather than strings: the one spelling of a query,
 * which the data engine plans from too. Methods also accept the raw parameters of a request
 * (`req.query`), which they parse and check the same way. Field paths are names (`author.name`,
 * `year(published_on)`, `item:headings.title`), checked against the schema and the caller's permissions.
 */
export interface Query {
	fields?: string[];
	filter?: Filter;
	search?: string;
	/** Field paths, `-` prefix for descending. */
	sort?: string[];
	/** `-1` asks for every row (still capped by `QUERY_LIMIT_MAX`). */
	limit?: number;
	offset?: number;
	/** 1-based; turned into an offset with the limit. */
	page?: number;
	aggregate?: Partial<Record<AggregateFunction, string[]>>;
	groupBy?: string[];
	/** Queries of nested relational fields, keyed by field name (`_filter`, `_limit`, ... unwrapped). */
	deep?: Record<string, Query>;
	/** Alias name → field path. */
	alias?: Record<string, string>;
	meta?: MetaKey[];
	export?: ExportFormat;
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
	meta(query: QueryInput, keys: MetaKey[]): Promise<Partial<Record<MetaKey, number>>>;
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

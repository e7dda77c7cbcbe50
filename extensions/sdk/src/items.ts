export type PrimaryKey = string | number;

export type Item = Record<string, unknown>;

/** Filter rules as the REST API takes them: `{ status: { _eq: 'draft' } }`, `_and`, `_or`, ... */
export type Filter = Record<string, unknown>;

/** The REST API's query parameters, as objects rather than strings. */
export interface Query {
	fields?: string[];
	filter?: Filter;
	search?: string;
	sort?: string[];
	limit?: number;
	offset?: number;
	page?: number;
	aggregate?: Partial<Record<'count' | 'countDistinct' | 'sum' | 'sumDistinct' | 'avg' | 'avgDistinct' | 'min' | 'max', string[]>>;
	groupBy?: string[];
	deep?: Record<string, Query>;
	alias?: Record<string, string>;
}

/**
 * One collection, reached through the data engine with the caller's accountability, so every
 * permission applies. The `items` scope lists the collections and actions granted; anything
 * else rejects with `FORBIDDEN`.
 */
export interface ItemsService<T extends Item = Item> {
	readByQuery(query: Query): Promise<T[]>;
	/** Rejects with `FORBIDDEN` when the item does not exist or may not be read. */
	readOne(key: PrimaryKey, query?: Query): Promise<T>;
	createOne(data: Partial<T>): Promise<PrimaryKey>;
	updateOne(key: PrimaryKey, data: Partial<T>): Promise<PrimaryKey>;
	deleteOne(key: PrimaryKey): Promise<PrimaryKey>;
}

export type ItemsCapability = <T extends Item = Item>(collection: string) => ItemsService<T>;

// Type machinery that makes the client generic over the user's schema. A schema maps each
// collection name to `Item[]` (a regular collection) or `Item` (a singleton); a relational
// field's type includes the related item type (e.g. `author: string | Author`), which is how a
// dotted field path (`author.name`) is checked and how the shape of a read is computed.

type Primitive = string | number | boolean | bigint | symbol | null | undefined | Date;
type IsAny<T> = 0 extends 1 & T ? true : false;
type PrevDepth = [never, 0, 1, 2, 3, 4];

/** Collection names of a schema (any string when no schema was given). */
export type CollectionName<Schema> = IsAny<Schema> extends true ? string : keyof Schema & string;

/** The item type of a collection, regular or singleton. */
export type ItemOf<Schema, Collection> =
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- an untyped schema (`any`) makes every item and query untyped, as in @directus/sdk
	IsAny<Schema> extends true ? any : Collection extends keyof Schema ? (Schema[Collection] extends ReadonlyArray<infer Item> ? Item : Schema[Collection]) : any;

/** The related item behind a field's value, or never when the field is not relational. */
export type RelatedOf<Value> =
	Value extends ReadonlyArray<infer Element> ? RelatedOf<Element> : Value extends Primitive ? never : Value extends object ? Value : never;

/** Every field path of an item, relational ones dotted (`author.name`, `author.*`), to a depth. */
export type FieldPath<Item, Depth extends number = 3> =
	IsAny<Item> extends true
		? string
		: [Depth] extends [never]
			? never
			: | '*'
				| {
						[Key in keyof Item & string]:
							| Key
							| ([RelatedOf<Item[Key]>] extends [never]
									? never
									: IsAny<RelatedOf<Item[Key]>> extends true
										? `${Key}.${string}`
										: `${Key}.${FieldPath<RelatedOf<Item[Key]>, PrevDepth[Depth]>}`);
				  }[keyof Item & string];

/** A field name that may be sorted on, descending with a leading `-`. */
export type SortField<Item> = IsAny<Item> extends true ? string : (keyof Item & string) | `-${keyof Item & string}`;

type Head<Path extends string> = Path extends `${infer First}.${string}` ? First : Path;
type Tail<Path extends string, Key extends string> = Path extends `${Key}.${infer Rest}` ? Rest : never;

/** The value of an expanded relational field: the related item narrowed to the sub-fields read. */
type Expanded<Value, Sub extends string> =
	Value extends ReadonlyArray<infer Element>
		? Array<Expanded<Element, Sub>>
		: Value extends null
			? null
			: Value extends Primitive
				? never
				: ApplyFields<Value, Sub>;

/** The shape of an item read with the given `fields`. */
export type ApplyFields<Item, Fields extends string> =
	IsAny<Item> extends true
		? // eslint-disable-next-line @typescript-eslint/no-explicit-any -- an untyped schema (`any`) makes every item and query untyped, as in @directus/sdk
			any
		: string extends Fields
			? Item
			: {
					[Key in keyof Item as Key extends Head<Fields> ? Key : '*' extends Fields ? Key : never]: Key extends string
						? [Tail<Fields, Key>] extends [never]
							? Item[Key]
							: Expanded<Item[Key], Tail<Fields, Key>>
						: Item[Key];
				};

type Scalar = string | number | boolean | null;
/** Filter operators of the query language, as the API accepts them. */
export interface FilterOperators {
	_eq?: Scalar;
	_neq?: Scalar;
	_lt?: Scalar;
	_lte?: Scalar;
	_gt?: Scalar;
	_gte?: Scalar;
	_in?: readonly Scalar[];
	_nin?: readonly Scalar[];
	_null?: boolean;
	_nnull?: boolean;
	_contains?: string;
	_ncontains?: string;
	_icontains?: string;
	_starts_with?: string;
	_nstarts_with?: string;
	_istarts_with?: string;
	_ends_with?: string;
	_nends_with?: string;
	_iends_with?: string;
	_between?: readonly [Scalar, Scalar];
	_nbetween?: readonly [Scalar, Scalar];
	_empty?: boolean;
	_nempty?: boolean;
	_regex?: string;
	_intersects?: unknown;
	_nintersects?: unknown;
	_intersects_bbox?: unknown;
	_nintersects_bbox?: unknown;
}

/** A filter over an item's fields; relational fields take a nested filter (`_some`/`_none` for lists). */
export type Filter<Item> =
	IsAny<Item> extends true
		? Record<string, unknown>
		: {
				[Key in keyof Item]?: [RelatedOf<Item[Key]>] extends [never]
					? FilterOperators
					: FilterOperators | Filter<RelatedOf<Item[Key]>> | { _some?: Filter<RelatedOf<Item[Key]>>; _none?: Filter<RelatedOf<Item[Key]>> };
			} & { _and?: ReadonlyArray<Filter<Item>>; _or?: ReadonlyArray<Filter<Item>> };

export type AggregateFunction = 'count' | 'countDistinct' | 'countAll' | 'sum' | 'sumDistinct' | 'avg' | 'avgDistinct' | 'min' | 'max';

/** The query language of every read (Directus's: fields, filter, search, sort, paging, aggregates...). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- an untyped schema (`any`) makes every item and query untyped, as in @directus/sdk
export interface Query<Item = any> {
	fields?: ReadonlyArray<FieldPath<Item>>;
	filter?: Filter<Item>;
	search?: string;
	sort?: SortField<Item> | ReadonlyArray<SortField<Item>>;
	limit?: number;
	offset?: number;
	page?: number;
	aggregate?: Partial<Record<AggregateFunction, string | readonly string[]>>;
	groupBy?: readonly string[];
	deep?: Record<string, unknown>;
	alias?: Record<string, string>;
	meta?: 'total_count' | 'filter_count' | '*' | string;
	backlink?: boolean;
	version?: string;
	/** Any further query parameter, sent as is. */
	params?: Record<string, string | number | boolean>;
}

/** The item shape a query with these fields reads (the whole item when no fields are named). */
export type QueryOutput<Item, Q> = Q extends { fields: ReadonlyArray<infer Fields extends string> } ? ApplyFields<Item, Fields> : Item;

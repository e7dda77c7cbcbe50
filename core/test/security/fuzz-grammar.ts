import fc from 'fast-check';
import { filterOperators } from '../../src/items/query/types.js';

/**
 * Generators for the fuzz test: queries drawn from the query language's grammar (fields, filter
 * with every operator, nested _and/_or, relations and quantifiers, sort, limit, offset, page,
 * aggregate, groupBy, deep, alias, meta, search), write payloads, and garbage. Names come mostly
 * from the test catalogue so that requests get past the "unknown field" door and reach the engine.
 */

const articleFields = ['id', 'title', 'body', 'status', 'published_on', 'views', 'rating', 'featured', 'author', 'tags', 'user_created', 'date_created'];
const relatedPaths = ['author.name', 'author.country', 'author.id', 'tags.tags_id.name', 'tags.id', 'author.articles.title'];
const functions = ['year(published_on)', 'month(date_created)', 'weekday(published_on)', 'count(tags)', 'hour(title)', 'year(views)', 'bogus(id)'];
const hostileNames = [
	'constructor',
	'__proto__',
	'toString',
	'hasOwnProperty',
	'',
	'*',
	'**',
	'.',
	'a..b',
	'id)',
	'(id',
	'author.*',
	'tags.*.*',
	'$FOLLOW',
	'"; drop table articles; --',
	'x'.repeat(300),
];

const garbageText = fc.oneof(
	fc.string({ maxLength: 30 }),
	fc.string({ unit: 'grapheme', maxLength: 20 }),
	fc.constantFrom('%', '_', '\\', "'", '"', '`', '\u0000', '😀', '\uD800', '%00', '${x}'),
);

export const fieldName = fc.oneof(
	{ weight: 6, arbitrary: fc.constantFrom(...articleFields) },
	{ weight: 2, arbitrary: fc.constantFrom(...relatedPaths) },
	{ weight: 1, arbitrary: fc.constantFrom(...functions) },
	{ weight: 1, arbitrary: fc.constantFrom(...hostileNames) },
	{ weight: 1, arbitrary: garbageText },
);

const dynamicVariable = fc.constantFrom(
	'$NOW',
	'$NOW(-1 year)',
	'$NOW(+2 days)',
	'$NOW(99999999 year)',
	'$NOW(-1 fortnight)',
	'$CURRENT_USER',
	'$CURRENT_USER.email',
	'$CURRENT_ROLE',
	'$CURRENT_ROLES',
	'$CURRENT_POLICIES',
	'$CURRENT_USER.role.name',
);

export const scalar = fc.oneof(
	fc.integer(),
	fc.integer({ min: -5, max: 12 }),
	fc.double(),
	// eslint-disable-next-line no-loss-of-precision -- a number JSON carries but no integer column holds.
	fc.constantFrom(0, -1, 2 ** 31, 2 ** 53, 1e308, -0, 1.5, 99999999999999999999),
	fc.boolean(),
	fc.constant(null),
	fc.constantFrom('published', 'draft', 'Hello World', 'Ada', '2024-02-29T12:00:00', '2023-01-15', '12:00:00', 'true', '1', '', ' ', '1,2,3'),
	fc.uuid(),
	fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
	dynamicVariable,
	garbageText,
);

const operand = fc.oneof(
	{ weight: 4, arbitrary: scalar },
	{ weight: 1, arbitrary: fc.array(scalar, { maxLength: 6 }) },
	{ weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 5 }), scalar, { maxKeys: 2 }) },
);
const operator = fc.oneof(
	{ weight: 8, arbitrary: fc.constantFrom(...filterOperators) },
	{ weight: 1, arbitrary: fc.constantFrom('_some', '_none', '_and', '_or', '_regex', '_foo', 'eq', '') },
);

/** Fields with operands of their own type and operators that fit it: the filters that reach the SQL. */
const typedRule = fc
	.oneof(
		fc.tuple(
			fc.constantFrom('id', 'views', 'author', 'count(tags)', 'year(published_on)'),
			fc.constantFrom('_eq', '_neq', '_lt', '_lte', '_gt', '_gte', '_in', '_nin', '_between', '_nbetween', '_null', '_nnull'),
			fc.oneof(fc.integer({ min: -3, max: 400 }), fc.array(fc.integer({ min: -3, max: 400 }), { minLength: 1, maxLength: 4 }), fc.boolean()),
		),
		fc.tuple(
			fc.constantFrom('title', 'body', 'status', 'author.name'),
			fc.constantFrom('_eq', '_ieq', '_contains', '_icontains', '_nstarts_with', '_iends_with', '_in', '_empty', '_nempty', '_lt'),
			fc.oneof(garbageText, fc.constantFrom('Hello', 'news', '%', '_', 'published'), fc.array(garbageText, { maxLength: 3 }), fc.boolean()),
		),
		fc.tuple(
			fc.constantFrom('published_on', 'date_created'),
			fc.constantFrom('_eq', '_gt', '_lte', '_between', '_null'),
			fc.oneof(
				dynamicVariable,
				fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(4e12) }).map((date) => date.toISOString().slice(0, 19)),
				fc.boolean(),
			),
		),
		fc.tuple(
			fc.constantFrom('rating'),
			fc.constantFrom('_eq', '_gt', '_between', '_in'),
			fc.oneof(fc.double({ min: -1000, max: 1000, noNaN: true }), fc.constantFrom('4.50', '1e3'), fc.array(fc.double({ noNaN: true }), { maxLength: 3 })),
		),
		fc.tuple(fc.constantFrom('featured'), fc.constantFrom('_eq', '_neq', '_null'), fc.oneof(fc.boolean(), fc.constantFrom('true', '0', 'x'))),
		fc.tuple(fc.constantFrom('user_created'), fc.constantFrom('_eq', '_in', '_null'), fc.oneof(fc.uuid(), dynamicVariable, fc.constant('x'))),
	)
	.map(([field, op, value]) => {
		const path = field.split('.');
		let rule: Record<string, unknown> = { [op]: value };
		for (const segment of path.reverse()) rule = { [segment]: rule };
		return rule;
	});

/** A filter object: field rules, relational rules, quantifiers and logical groups, a few levels deep. */
export const filter: fc.Arbitrary<Record<string, unknown>> = fc.letrec<{ filter: Record<string, unknown> }>((tie) => ({
	filter: fc.oneof(
		{ depthSize: 'small', withCrossShrink: true },
		{ weight: 4, arbitrary: typedRule },
		fc.tuple(fieldName, fc.dictionary(operator, operand, { minKeys: 1, maxKeys: 2 })).map(([field, rule]) => ({ [field]: rule })),
		fc.tuple(fc.constantFrom('author', 'tags', 'tags_id'), tie('filter')).map(([field, inner]) => ({ [field]: inner })),
		fc
			.tuple(fc.constantFrom('tags', 'author'), fc.constantFrom('_some', '_none'), tie('filter'))
			.map(([field, quantifier, inner]) => ({ [field]: { [quantifier]: inner } })),
		fc.tuple(fc.constantFrom('_and', '_or'), fc.array(tie('filter'), { maxLength: 3 })).map(([group, parts]) => ({ [group]: parts })),
	),
})).filter;

const fieldList = fc.array(
	fc.oneof(
		{ weight: 3, arbitrary: fc.constantFrom('*', '*.*', 'id', 'title', 'author.*', 'tags.tags_id.*', 'author.name', 'year(published_on)', 'count(tags)') },
		{ weight: 1, arbitrary: fieldName },
	),
	{ minLength: 1, maxLength: 4 },
);
const sortEntry = fc
	.tuple(
		fc.boolean(),
		fc.oneof(
			{ weight: 3, arbitrary: fc.constantFrom('id', 'title', 'views', 'published_on', 'author.name', 'year(published_on)', 'count(tags)') },
			{ weight: 1, arbitrary: fieldName },
		),
	)
	.map(([descending, field]) => `${descending ? '-' : ''}${field}`);
const aggregateFunction = fc.oneof(
	{ weight: 6, arbitrary: fc.constantFrom('count', 'countDistinct', 'countAll', 'sum', 'sumDistinct', 'avg', 'avgDistinct', 'min', 'max') },
	{ weight: 1, arbitrary: fc.constantFrom('median', '', 'constructor') },
);

/** One query, as the parameters object a client would send; every parameter optional. */
export const query = fc.record(
	{
		fields: fieldList,
		filter,
		search: garbageText,
		sort: fc.array(sortEntry, { maxLength: 3 }),
		limit: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: -1, max: 50 }) }, { weight: 1, arbitrary: fc.constantFrom(-2, 1e9, 'all', '') }),
		offset: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 20 }) }, { weight: 1, arbitrary: fc.constantFrom(-1, 'x') }),
		page: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 5 }) }, { weight: 1, arbitrary: fc.constantFrom(-1, 0, 1e12) }),
		aggregate: fc.dictionary(aggregateFunction, fc.oneof(fieldName, fc.constant('*')), { minKeys: 1, maxKeys: 2 }),
		groupBy: fc.array(fieldName, { minLength: 1, maxLength: 2 }),
		deep: fc.dictionary(
			fc.oneof({ weight: 5, arbitrary: fc.constantFrom('author', 'tags') }, { weight: 1, arbitrary: fc.constantFrom('tags_id', 'title', '_filter') }),
			fc.record({ _limit: fc.integer({ min: -1, max: 5 }), _filter: filter, _sort: sortEntry, _fields: fieldList }, { requiredKeys: [] }),
			{ maxKeys: 2 },
		),
		alias: fc.dictionary(
			fc.oneof(
				{ weight: 5, arbitrary: fc.constantFrom('headline', 'who', 'constructor', 'toString') },
				{ weight: 1, arbitrary: fc.constantFrom('a.b', '', '1x') },
				{ weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
			),
			fieldName,
			{ maxKeys: 2 },
		),
		meta: fc.oneof({ weight: 6, arbitrary: fc.constantFrom('total_count', 'filter_count', '*') }, { weight: 1, arbitrary: fc.constant('nope') }),
	},
	{ requiredKeys: [] },
);

const collection = fc.oneof(
	{ weight: 6, arbitrary: fc.constant('articles') },
	{ weight: 1, arbitrary: fc.constantFrom('authors', 'tags', 'articles_tags', 'directus_users', 'nope', 'constructor') },
);

/** How the query travels: bracket parameters, JSON text per parameter, a SEARCH body, or raw garbage. */
export type ReadCase =
	| { kind: 'read'; collection: string; encoding: 'brackets' | 'json' | 'search'; query: Record<string, unknown>; token: number }
	| { kind: 'raw'; collection: string; queryString: string; token: number };

const token = fc.integer({ min: 0, max: 2 });

export const readCase: fc.Arbitrary<ReadCase> = fc.oneof(
	{
		weight: 8,
		arbitrary: fc.record({
			kind: fc.constant('read' as const),
			collection,
			encoding: fc.constantFrom('brackets' as const, 'json' as const, 'search' as const),
			query,
			token,
		}),
	},
	{
		weight: 2,
		arbitrary: fc.record({
			kind: fc.constant('raw' as const),
			collection,
			queryString: fc.oneof(fc.string({ maxLength: 80 }), fc.stringMatching(/^([a-z_[\]]{1,12}=[\w%$(),.-]{0,12}&){1,6}$/)),
			token,
		}),
	},
);

const itemValue = fc.oneof(
	{ weight: 6, arbitrary: scalar },
	{ weight: 1, arbitrary: fc.record({ name: scalar, country: scalar, id: scalar }, { requiredKeys: [] }) },
	{
		weight: 1,
		arbitrary: fc.array(
			fc.oneof(
				fc.integer({ min: 1, max: 4 }),
				fc.record({ tags_id: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.record({ name: scalar }, { requiredKeys: [] })) }),
			),
			{ maxLength: 3 },
		),
	},
);
const item = fc.dictionary(
	fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...articleFields, 'name', 'country') }, { weight: 1, arbitrary: fc.constantFrom(...hostileNames) }),
	itemValue,
	{ maxKeys: 5 },
);

export interface WriteCase {
	kind: 'write';
	method: 'POST' | 'PATCH' | 'DELETE';
	path: string;
	body: unknown;
	token: number;
}

/** Creates, updates and deletes, one item, a batch, by keys or by query, with payloads good and bad. */
export const writeCase: fc.Arbitrary<WriteCase> = fc.record({
	kind: fc.constant('write' as const),
	method: fc.constantFrom('POST' as const, 'PATCH' as const, 'DELETE' as const),
	path: fc.oneof(
		fc.constantFrom('/items/articles', '/items/authors', '/items/tags', '/users/me'),
		fc
			.tuple(
				fc.constantFrom('articles', 'authors', 'tags'),
				fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constantFrom('x', '-1', '1.5', '99999999999999999999', '%00')),
			)
			.map(([name, key]) => `/items/${name}/${key}`),
	),
	body: fc.oneof(
		{ weight: 4, arbitrary: item },
		{ weight: 2, arbitrary: fc.array(item, { maxLength: 3 }) },
		{ weight: 1, arbitrary: fc.array(fc.oneof(fc.integer({ min: 1, max: 10 }), fc.constant(null)), { maxLength: 3 }) },
		{
			weight: 1,
			arbitrary: fc.record({ keys: fc.array(scalar, { maxLength: 3 }), data: item, query: fc.record({ filter }, { requiredKeys: [] }) }, { requiredKeys: [] }),
		},
		{ weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
	),
	token,
});

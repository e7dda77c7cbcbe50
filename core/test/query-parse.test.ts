import test, { type ExecutionContext } from 'ava';
import qs from 'qs';
import { MantleError } from '../src/errors/index.js';
import { parseFunctionField, parseQuery } from '../src/items/query/parse.js';

/** What a URL query string becomes before it reaches the parser: Hapi parses it with qs so. */
function fromUrl(search: string) {
	return parseQuery(qs.parse(search, { depth: 10, arrayLimit: 200 }));
}

function json(value: unknown): string {
	return encodeURIComponent(JSON.stringify(value));
}

function rejects(t: ExecutionContext, parse: () => unknown, message: string): void {
	const error = t.throws(parse, { instanceOf: MantleError });
	t.is(error?.code, 'INVALID_QUERY');
	t.is(error?.status, 400);
	t.is(error?.message, message);
}

test('a typical list request from a URL becomes a normalized query', (t) => {
	t.deepEqual(fromUrl('fields=id,title,author.name&sort=-published_on,title&limit=25&offset=5&page=2&search=foo&meta=total_count&export=csv'), {
		fields: ['id', 'title', 'author.name'],
		sort: ['-published_on', 'title'],
		limit: 25,
		offset: 5,
		page: 2,
		search: 'foo',
		meta: ['total_count'],
		export: 'csv',
	});
});

test('a JSON body with native values gives the same query as the URL form', (t) => {
	const body = {
		fields: ['id', 'title'],
		filter: { status: { _eq: 'published' }, views: { _gt: 10 } },
		sort: ['-id'],
		limit: 10,
		offset: 0,
		page: 1,
		aggregate: { count: ['*'] },
		groupBy: ['status'],
		deep: { tags: { _limit: 2, _filter: { name: { _neq: 'x' } } } },
		alias: { author_name: 'author.name' },
		meta: ['total_count', 'filter_count'],
		search: 'foo',
	};
	// Everything reads back as sent, but deep's `_`-prefixed keys, which are unwrapped.
	t.deepEqual(parseQuery(body), { ...body, deep: { tags: { limit: 2, filter: { name: { _neq: 'x' } } } } });
});

test('unknown parameters are ignored and empty ones count as absent', (t) => {
	t.deepEqual(fromUrl('access_token=abc&version=main&_=1712345678&fields=id&search=&limit=&filter='), { fields: ['id'] });
	t.deepEqual(parseQuery(undefined), {});
	t.deepEqual(parseQuery({ limit: null, filter: null }), {});
});

test('a query that is not an object is refused', (t) => {
	rejects(t, () => parseQuery('limit=1'), 'The query must be an object of parameters, got "limit=1"');
	rejects(t, () => parseQuery([1], { path: 'body' }), 'The query at body must be an object of parameters, got [1]');
});

test('field lists are read from comma text, repeated brackets, JSON text and arrays, trimmed, without empty entries', (t) => {
	t.deepEqual(fromUrl('fields=id, title,,author.name,'), { fields: ['id', 'title', 'author.name'] });
	t.deepEqual(fromUrl('fields[]=id&fields[]=title,slug'), { fields: ['id', 'title', 'slug'] });
	t.deepEqual(fromUrl(`fields=${json(['id', 'author.*'])}`), { fields: ['id', 'author.*'] });
	t.deepEqual(fromUrl('fields=*,item:headings.title,count(tags),author.year(birthday)'), {
		fields: ['*', 'item:headings.title', 'count(tags)', 'author.year(birthday)'],
	});
	t.deepEqual(fromUrl('fields=,'), {});
});

test('field paths with unknown or misplaced functions are refused', (t) => {
	rejects(
		t,
		() => fromUrl('fields=bogus(x)'),
		'Unknown function "bogus" in "fields" entry "bogus(x)" (known: year, month, week, day, weekday, hour, minute, second, count)',
	);
	rejects(
		t,
		() => fromUrl('fields=year(author.birthday)'),
		'Function "year(author.birthday)" in "fields" entry "year(author.birthday)" must take one field name, as in "year(date_created)"',
	);
	rejects(
		t,
		() => fromUrl('fields=year(published_on).x'),
		'Function "year(published_on).x" in "fields" entry "year(published_on).x" must be the last part of its field path',
	);
	rejects(t, () => fromUrl('fields=title)'), 'Malformed function "title)" in "fields" entry "title)"');
	rejects(t, () => fromUrl('fields=author..name'), 'Empty field name in "fields" entry "author..name"');
	rejects(t, () => parseQuery({ fields: ['id', 3] }), '"fields" must be a comma-separated string or an array of strings, got ["id",3]');
});

test('sort takes descending prefixes and functions but no wildcard', (t) => {
	t.deepEqual(fromUrl('sort[]=-year(published_on)&sort[]=author.name'), { sort: ['-year(published_on)', 'author.name'] });
	t.deepEqual(parseQuery({ sort: '-id' }), { sort: ['-id'] });
	rejects(t, () => fromUrl('sort=-'), '"sort" entry "-" names no field');
	rejects(t, () => fromUrl('sort=*'), 'Wildcard "*" is not allowed in "sort" entry "*"');
});

test('limit, offset and page take integers and their decimal text within their ranges', (t) => {
	t.deepEqual(fromUrl('limit=-1&offset=0&page=1'), { limit: -1, offset: 0, page: 1 });
	rejects(t, () => fromUrl('limit=abc'), '"limit" must be an integer of at least -1, got "abc"');
	rejects(t, () => fromUrl('limit=-2'), '"limit" must be an integer of at least -1, got "-2"');
	rejects(t, () => parseQuery({ limit: 2.5 }), '"limit" must be an integer of at least -1, got 2.5');
	rejects(t, () => fromUrl('limit=1&limit=2'), '"limit" must be an integer of at least -1, got ["1","2"]');
	rejects(t, () => fromUrl('offset=-1'), '"offset" must be an integer of at least 0, got "-1"');
	rejects(t, () => fromUrl('page=0'), '"page" must be an integer of at least 1, got "0"');
	rejects(t, () => fromUrl('limit=99999999999999999999'), '"limit" must be an integer of at least -1, got "99999999999999999999"');
});

test('search is kept as text, numbers included', (t) => {
	t.deepEqual(fromUrl('search=hello%20world'), { search: 'hello world' });
	t.deepEqual(parseQuery({ search: 42 }), { search: '42' });
	rejects(t, () => parseQuery({ search: { a: 1 } }), '"search" must be a string, got {"a":1}');
});

test('bracket filters keep their operands as text for the engine to coerce', (t) => {
	t.deepEqual(fromUrl('filter[status][_eq]=published&filter[views][_gt]=10&filter[title][_icontains]=a,b'), {
		filter: { status: { _eq: 'published' }, views: { _gt: '10' }, title: { _icontains: 'a,b' } },
	});
});

test('a filter may come as JSON text', (t) => {
	t.deepEqual(fromUrl(`filter=${json({ status: { _eq: 'x' }, views: { _gte: 3 } })}`), { filter: { status: { _eq: 'x' }, views: { _gte: 3 } } });
	rejects(t, () => fromUrl('filter={status'), '"filter" is not valid JSON: ' + jsonErrorOf('{status'));
	rejects(t, () => fromUrl(`filter=${json([1])}`), '"filter" must be an object or a JSON string of one, got "[1]"');
});

function jsonErrorOf(text: string): string {
	try {
		JSON.parse(text);
		return '';
	} catch (error) {
		return (error as Error).message;
	}
}

test('logical groups become arrays, from indexes, from qs objects past its array limit and from JSON', (t) => {
	t.deepEqual(fromUrl('filter[_and][0][views][_gt]=10&filter[_and][1][_or][0][status][_eq]=a&filter[_and][1][_or][1][status][_eq]=b'), {
		filter: { _and: [{ views: { _gt: '10' } }, { _or: [{ status: { _eq: 'a' } }, { status: { _eq: 'b' } }] }] },
	});
	t.deepEqual(fromUrl('filter[_or][250][id][_eq]=2&filter[_or][3][id][_eq]=1'), { filter: { _or: [{ id: { _eq: '1' } }, { id: { _eq: '2' } }] } });
	t.deepEqual(parseQuery({ filter: { _and: [] } }), { filter: { _and: [] } });
	rejects(t, () => fromUrl('filter[_and]=x'), '"filter._and" must be an array of filters, got "x"');
	rejects(t, () => fromUrl('filter[_and][0]=x'), '"filter._and[0]" must be a filter object, got "x"');
});

test('relational filters nest, one-to-many ones may be quantified, and function keys are checked', (t) => {
	t.deepEqual(
		fromUrl(
			'filter[author][name][_eq]=x&filter[tags][_some][name][_in]=a,b&filter[comments][_none][approved][_eq]=false&filter[year(published_on)][_eq]=2024&filter[count(tags)][_gt]=2',
		),
		{
			filter: {
				author: { name: { _eq: 'x' } },
				tags: { _some: { name: { _in: ['a', 'b'] } } },
				comments: { _none: { approved: { _eq: 'false' } } },
				'year(published_on)': { _eq: '2024' },
				'count(tags)': { _gt: '2' },
			},
		},
	);
	t.deepEqual(parseQuery({ filter: { author: { _and: [{ name: { _null: true } }] } } }), { filter: { author: { _and: [{ name: { _null: true } }] } } });
	rejects(
		t,
		() => fromUrl('filter[bogus(x)][_eq]=1'),
		'Unknown function "bogus" in filter key at filter.bogus(x) (known: year, month, week, day, weekday, hour, minute, second, count)',
	);
	rejects(t, () => fromUrl('filter[year(published_on)][name][_eq]=1'), 'Filter at filter.year(published_on) must be an object of operators, as in {"_eq":...}');
});

test('unknown and misplaced filter operators are refused with their path', (t) => {
	rejects(t, () => fromUrl('filter[status][_equals]=published'), 'Unknown filter operator "_equals" at filter.status');
	rejects(t, () => fromUrl('filter[status][_eq]=a&filter[status][_like]=b'), 'Unknown filter operator "_like" at filter.status');
	rejects(t, () => fromUrl('filter[_and][0][author][name][_equals]=x'), 'Unknown filter operator "_equals" at filter._and[0].author.name');
	rejects(t, () => fromUrl('filter[_xor][0][id][_eq]=1'), 'Unknown filter operator "_xor" at filter');
	rejects(t, () => fromUrl('filter[_eq]=1'), 'Filter operator "_eq" at filter must be applied to a field, as in {"status":{"_eq":...}}');
	rejects(t, () => fromUrl('filter[_some][id][_eq]=1'), '"_some" at filter must be applied to a one-to-many field, as in {"tags":{"_some":{...}}}');
	rejects(t, () => fromUrl('filter[author][_eq]=1&filter[author][name][_eq]=x'), 'Filter at filter.author mixes operators with "name"');
	rejects(t, () => fromUrl('filter[tags][_some][id][_eq]=1&filter[tags][name][_eq]=x'), '"_some" at filter.tags must be the only key beside the field');
	rejects(
		t,
		() => fromUrl('filter[status]=published'),
		'Filter at filter.status must be an object of operators (as in {"_eq":...}) or a nested filter, got "published"',
	);
	rejects(t, () => parseQuery({ filter: { status: {} } }), 'Filter at filter.status is empty');
	rejects(
		t,
		() => parseQuery({ filter: { 'author.name': { _eq: 'x' } } }),
		'Filter key "author.name" at filter.author.name can\'t be a dotted path: nest it, as in {"author":{"name":{"_eq":...}}}',
	);
});

test('list operands come from arrays, comma text and qs index objects', (t) => {
	t.deepEqual(fromUrl('filter[id][_in]=1,2,3'), { filter: { id: { _in: ['1', '2', '3'] } } });
	t.deepEqual(fromUrl('filter[id][_nin][]=1&filter[id][_nin][]=2'), { filter: { id: { _nin: ['1', '2'] } } });
	t.deepEqual(fromUrl('filter[id][_in][300]=9&filter[id][_in][1]=8'), { filter: { id: { _in: ['8', '9'] } } });
	t.deepEqual(parseQuery({ filter: { id: { _in: [1, 2] }, code: { _in: 7 } } }), { filter: { id: { _in: [1, 2] }, code: { _in: [7] } } });
	t.deepEqual(parseQuery({ filter: { id: { _in: '' } } }), { filter: { id: { _in: [] } } });
	rejects(t, () => parseQuery({ filter: { id: { _in: [{ a: 1 }] } } }), '"filter.id._in" takes a list of values, got [{"a":1}]');
});

test('between operators need exactly two values', (t) => {
	t.deepEqual(fromUrl('filter[price][_between]=10,20&filter[date][_nbetween][]=$NOW(-1 year)&filter[date][_nbetween][]=$NOW'), {
		filter: { price: { _between: ['10', '20'] }, date: { _nbetween: ['$NOW(-1 year)', '$NOW'] } },
	});
	t.deepEqual(parseQuery({ filter: { price: { _between: [1, 2] } } }), { filter: { price: { _between: [1, 2] } } });
	rejects(t, () => fromUrl('filter[price][_between]=10'), '"filter.price._between" needs exactly two values, got "10"');
	rejects(t, () => parseQuery({ filter: { price: { _between: [1, 2, 3] } } }), '"filter.price._between" needs exactly two values, got [1,2,3]');
});

test('null and empty checks take booleans in every spelling a client sends', (t) => {
	t.deepEqual(fromUrl('filter[a][_null]=true&filter[b][_nnull]=false&filter[c][_empty]=1&filter[d][_nempty]=0'), {
		filter: { a: { _null: true }, b: { _nnull: false }, c: { _empty: true }, d: { _nempty: false } },
	});
	t.deepEqual(parseQuery({ filter: { a: { _null: false } } }), { filter: { a: { _null: false } } });
	rejects(t, () => fromUrl('filter[a][_null]=maybe'), '"filter.a._null" takes true or false, got "maybe"');
});

test('single-value operators refuse lists and keep dynamic variables as text', (t) => {
	t.deepEqual(
		fromUrl(
			'filter[user_created][_eq]=$CURRENT_USER&filter[owner][role][name][_eq]=$CURRENT_USER.role.name&filter[date][_lte]=$NOW(-1 year)&filter[role][_in]=$CURRENT_ROLES&filter[policy][_eq]=$CURRENT_POLICIES&filter[team][_eq]=$CURRENT_ROLE',
		),
		{
			filter: {
				user_created: { _eq: '$CURRENT_USER' },
				owner: { role: { name: { _eq: '$CURRENT_USER.role.name' } } },
				date: { _lte: '$NOW(-1 year)' },
				role: { _in: ['$CURRENT_ROLES'] },
				policy: { _eq: '$CURRENT_POLICIES' },
				team: { _eq: '$CURRENT_ROLE' },
			},
		},
	);
	t.deepEqual(parseQuery({ filter: { a: { _eq: null }, b: { _neq: true }, c: { _lt: 4.5 } } }), {
		filter: { a: { _eq: null }, b: { _neq: true }, c: { _lt: 4.5 } },
	});
	rejects(t, () => fromUrl('filter[status][_eq][]=a&filter[status][_eq][]=b'), '"filter.status._eq" takes a single value, got ["a","b"]');
	rejects(t, () => parseQuery({ filter: { status: { _eq: { a: 1 } } } }), '"filter.status._eq" takes a single value, got {"a":1}');
});

test('a filter key that would set an object prototype is refused', (t) => {
	rejects(t, () => parseQuery({ filter: JSON.parse('{"__proto__":{"_eq":1}}') }), 'Key "__proto__" is not allowed at filter');
	rejects(t, () => fromUrl(`deep=${json({ tags: { _limit: 1 } }).replace('tags', '__proto__')}`), 'Key "__proto__" is not allowed at deep');
});

test('aggregates read from brackets, comma lists and JSON', (t) => {
	t.deepEqual(fromUrl('aggregate[count]=*&aggregate[sum]=views,price&aggregate[countDistinct][]=author'), {
		aggregate: { count: ['*'], sum: ['views', 'price'], countDistinct: ['author'] },
	});
	t.deepEqual(fromUrl(`aggregate=${json({ avg: ['views'], max: 'price' })}`), { aggregate: { avg: ['views'], max: ['price'] } });
	t.deepEqual(parseQuery({ aggregate: { count: '*' } }), { aggregate: { count: ['*'] } });
	rejects(
		t,
		() => fromUrl('aggregate[median]=views'),
		'Unknown aggregate function "median" in "aggregate" (known: count, countDistinct, countAll, sum, sumDistinct, avg, avgDistinct, min, max)',
	);
	rejects(t, () => fromUrl('aggregate[sum]=,'), '"aggregate.sum" must name at least one field, or "*"');
	rejects(t, () => fromUrl('aggregate=views'), '"aggregate" is not valid JSON: ' + jsonErrorOf('views'));
});

test('groupBy takes fields and date functions', (t) => {
	t.deepEqual(fromUrl('groupBy=status,year(published_on)'), { groupBy: ['status', 'year(published_on)'] });
	t.deepEqual(fromUrl('groupBy[]=status&groupBy[]=month(published_on)'), { groupBy: ['status', 'month(published_on)'] });
	rejects(
		t,
		() => fromUrl('groupBy=decade(published_on)'),
		'Unknown function "decade" in "groupBy" entry "decade(published_on)" (known: year, month, week, day, weekday, hour, minute, second, count)',
	);
});

test('deep entries become nested queries, with deeper relations nested under deep', (t) => {
	t.deepEqual(
		fromUrl(
			'deep[tags][_limit]=2&deep[tags][_sort]=-id&deep[author][_filter][name][_eq]=x&deep[author][books][_fields]=id,title&deep[author][books][chapters][_limit]=-1',
		),
		{
			deep: {
				tags: { limit: 2, sort: ['-id'] },
				author: { filter: { name: { _eq: 'x' } }, deep: { books: { fields: ['id', 'title'], deep: { chapters: { limit: -1 } } } } },
			},
		},
	);
	t.deepEqual(
		fromUrl(
			`deep=${json({ tags: { _sort: ['-id'], _search: 'a', _offset: 1, _page: 2, _aggregate: { count: '*' }, _groupBy: 'name', _alias: { n: 'name' } } })}`,
		),
		{
			deep: { tags: { sort: ['-id'], search: 'a', offset: 1, page: 2, aggregate: { count: ['*'] }, groupBy: ['name'], alias: { n: 'name' } } },
		},
	);
});

test('deep errors name the place inside deep', (t) => {
	rejects(t, () => fromUrl('deep[author][_limit]=abc'), '"deep.author._limit" must be an integer of at least -1, got "abc"');
	rejects(t, () => fromUrl('deep[author][books][_filter][title][_equals]=x'), 'Unknown filter operator "_equals" at deep.author.books._filter.title');
	rejects(
		t,
		() => fromUrl('deep[author][_meta]=total_count'),
		'Unknown deep parameter "_meta" at deep.author (known: _fields, _filter, _search, _sort, _limit, _offset, _page, _aggregate, _groupBy, _alias)',
	);
	rejects(t, () => fromUrl('deep[_limit]=1'), 'Unknown key "_limit" at deep: query parameters belong under a relational field, as in {"tags":{"_limit":...}}');
	rejects(t, () => fromUrl('deep[tags]=2'), '"deep.tags" must be an object of _-prefixed query parameters and nested relations, got "2"');
	rejects(
		t,
		() => fromUrl('deep[tags][_fields]=bogus(x)'),
		'Unknown function "bogus" in "deep.tags._fields" entry "bogus(x)" (known: year, month, week, day, weekday, hour, minute, second, count)',
	);
});

test('aliases map simple names to field paths', (t) => {
	t.deepEqual(fromUrl('alias[author_name]=author.name&alias[year-published]=year(published_on)'), {
		alias: { author_name: 'author.name', 'year-published': 'year(published_on)' },
	});
	t.deepEqual(fromUrl(`alias=${json({ n: 'name' })}`), { alias: { n: 'name' } });
	rejects(
		t,
		() => fromUrl('alias[author.name]=author.name'),
		'Alias "author.name" in "alias" must be a simple name (letters, digits, "_" and "-"), without "."',
	);
	rejects(t, () => fromUrl('alias[two]=id,title'), '"alias.two" must be one field path, got "id,title"');
	rejects(t, () => parseQuery({ alias: { n: 1 } }), '"alias.n" must be one field path, got 1');
});

test('meta takes known keys, a list of them, or * for all', (t) => {
	t.deepEqual(fromUrl('meta=*'), { meta: ['total_count', 'filter_count'] });
	t.deepEqual(fromUrl('meta=filter_count,total_count'), { meta: ['filter_count', 'total_count'] });
	t.deepEqual(parseQuery({ meta: ['total_count', 'total_count'] }), { meta: ['total_count'] });
	rejects(t, () => fromUrl('meta=page_count'), 'Unknown meta "page_count" in "meta" (known: total_count, filter_count, *)');
});

test('export takes one of the export formats', (t) => {
	for (const format of ['json', 'csv', 'xml', 'yaml']) t.deepEqual(fromUrl(`export=${format}`), { export: format });
	rejects(t, () => fromUrl('export=pdf'), '"export" must be one of json, csv, xml, yaml, got "pdf"');
});

test('the path option names where a nested query sits', (t) => {
	const error = t.throws(() => parseQuery({ limit: 'x' }, { path: 'query' }), { instanceOf: MantleError });
	t.is(error?.message, '"query.limit" must be an integer of at least -1, got "x"');
	rejects(t, () => parseQuery({ filter: { a: { _bad: 1 } } }, { path: 'query' }), 'Unknown filter operator "_bad" at query.filter.a');
});

test('parseFunctionField reads a known function on one field and nothing else', (t) => {
	t.deepEqual(parseFunctionField('year(published_on)'), { fn: 'year', field: 'published_on' });
	t.deepEqual(parseFunctionField('count(tags)'), { fn: 'count', field: 'tags' });
	t.is(parseFunctionField('published_on'), null);
	t.is(parseFunctionField('bogus(x)'), null);
	t.is(parseFunctionField('year(author.birthday)'), null);
	t.is(parseFunctionField('year()'), null);
});

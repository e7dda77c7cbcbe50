import v8 from 'node:v8';
import vm from 'node:vm';
import test from 'ava';
import { createCatalog, seedCatalog } from './helpers/catalog.js';
import { createTestDatabase } from './helpers/databases.js';
import { gql } from './helpers/graphql.js';
import { api } from './helpers/http.js';
import { startKernel } from './helpers/kernel.js';
import { vendorTest } from './helpers/vendor-test.js';

v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

const mb = (bytes: number) => (bytes / 1e6).toFixed(1);

function heapUsed(): number {
	collectGarbage();
	collectGarbage();
	return process.memoryUsage().heapUsed;
}

vendorTest('hostile documents are refused with a clear error, never a 500 or a hang', async (t, db) => {
	const running = await startKernel(db, { GRAPHQL_QUERY_DEPTH_MAX: '6', GRAPHQL_QUERY_ALIAS_MAX: '20', GRAPHQL_QUERY_COST_MAX: '20000' });
	try {
		const { url } = running;
		await createCatalog(url);
		await seedCatalog(url);
		const refused = async (query: string, words: RegExp, options: Parameters<typeof gql>[2] = {}) => {
			const response = await gql(url, query, options);
			t.is(response.status, 400, JSON.stringify(response.body));
			t.is(response.body.errors[0].extensions.code, 'GRAPHQL_VALIDATION');
			t.regex(response.body.errors[0].message, words);
		};
		// Deep nesting through the relations, both ways.
		let deep = 'id';
		for (let level = 0; level < 8; level++) deep = level % 2 === 0 ? `author { articles { ${deep} } }` : `tags { articles_id { ${deep} } }`;
		await refused(`{ articles { ${deep} } }`, /GRAPHQL_QUERY_DEPTH_MAX/);
		// An alias bomb, and the same bomb hidden in a fragment spread many times.
		await refused(`{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: articles { id }`).join(' ')} }`, /GRAPHQL_QUERY_ALIAS_MAX/);
		await refused(`{ articles { ${'id '.repeat(50_000)} } }`, /tokens/);
		const bomb = `fragment F0 on articles { id title }\n${Array.from({ length: 30 }, (_, i) => `fragment F${i + 1} on articles { ...F${i} ...F${i} }`).join('\n')}\n{ articles { ...F30 } }`;
		await refused(bomb, /GRAPHQL_QUERY_COST_MAX/);
		// A huge cost: many rows times many related rows.
		await refused('{ articles(limit: 100000) { tags(limit: 100000) { tags_id { name } } } }', /GRAPHQL_QUERY_COST_MAX/);
		await refused('query($n: Int) { articles(limit: $n) { id title tags { id } } }', /GRAPHQL_QUERY_COST_MAX/, { variables: { n: 1_000_000 } });
		// Introspection nested into itself.
		await refused(
			'{ __schema { types { fields { type { fields { type { fields { type { fields { type { fields { name } } } } } } } } } } } }',
			/introspection/,
		);
		// Nonsense gets GRAPHQL_VALIDATION; a bad body or an unknown operation never a 500.
		for (const query of [
			'{ articles {',
			'query { articles(limit: "x") { id } }',
			'subscription { articles { id } }',
			'fragment A on articles { ...A } { articles { ...A } }',
			'',
		]) {
			const response = await gql(url, query);
			t.true(response.status >= 400 && response.status < 500, `${query}: ${response.status}`);
			t.truthy(response.body.errors[0].extensions.code);
		}
		const mutationOverGet = await gql(url, 'mutation { create_tags_item(data: { name: "x" }) { id } }', { method: 'GET' });
		t.true(mutationOverGet.status >= 400 && mutationOverGet.status < 500);
		t.is((await api(url, 'GET', '/items/tags?filter[name][_eq]=x')).body.data.length, 0);
		// An ordinary query still runs under the limits.
		t.is((await gql(url, '{ articles(limit: 25) { id title author { name } tags { tags_id { name } } } }')).status, 200);
	} finally {
		await running.stop();
	}
});

test('GRAPHQL_INTROSPECTION=false refuses introspection but serves queries', async (t) => {
	const db = await createTestDatabase('sqlite');
	const running = await startKernel(db, { GRAPHQL_INTROSPECTION: 'false' });
	try {
		const introspection = await gql(running.url, '{ __schema { types { name } } }');
		t.is(introspection.status, 400);
		t.is(introspection.body.errors[0].extensions.code, 'GRAPHQL_VALIDATION');
		const sdl = await fetch(`${running.url}/server/specs/graphql`, { headers: { authorization: 'Bearer test-admin-static-token-0123456789' } });
		t.is(sdl.status, 403, 'the SDL tells what introspection would');
		const query = await gql(running.url, '{ users_me { email } }', { path: '/graphql/system' });
		t.deepEqual(query.body, { data: { users_me: { email: 'admin@example.com' } } });
	} finally {
		await running.stop();
		await db.drop();
	}
});

test('200 distinct permission sets keep the schema cache within its bound', async (t) => {
	const capacity = 20;
	const db = await createTestDatabase('sqlite');
	const running = await startKernel(db, { GRAPHQL_SCHEMA_CACHE_CAPACITY: String(capacity), LOG_LEVEL: 'warn' });
	try {
		const { url } = running;
		await createCatalog(url);
		await seedCatalog(url);
		const fields = ['id', 'title', 'body', 'status', 'published_on', 'views', 'rating', 'featured'];
		// Ten more collections every role reads, so that each schema has a measurable size.
		const extra = Array.from({ length: 10 }, (_, i) => `extra_${i}`);
		for (const name of extra) {
			const response = await api(url, 'POST', '/collections', {
				collection: name,
				schema: {},
				meta: {},
				fields: Array.from({ length: 12 }, (_, f) => ({ field: `field_${f}`, type: f % 3 === 0 ? 'integer' : f % 3 === 1 ? 'string' : 'dateTime' })),
			});
			if (response.status >= 300) throw new Error(JSON.stringify(response.body));
		}
		// 200 roles, each reading a different subset of the articles' fields: 200 different schemas.
		t.timeout(10 * 60_000);
		const created = async (path: string, rows: unknown[]) => {
			const response = await api(url, 'POST', path, rows);
			if (response.status >= 300) throw new Error(`${path}: ${JSON.stringify(response.body)}`);
			return (response.body.data as Array<{ id: string }>).map((row) => row.id);
		};
		const n200 = Array.from({ length: 200 }, (_, n) => n);
		const roles = await created(
			'/roles',
			n200.map((n) => ({ name: `Role ${n}` })),
		);
		const policies = await created(
			'/policies',
			n200.map((n) => ({ name: `Policy ${n}`, app_access: false, admin_access: false })),
		);
		await created(
			'/access',
			n200.map((n) => ({ role: roles[n], policy: policies[n] })),
		);
		await created(
			'/permissions',
			n200.flatMap((n) => [
				{
					policy: policies[n],
					collection: 'articles',
					action: 'read',
					fields: fields.filter((_, index) => index === 0 || ((n + 1) >> (index - 1)) & 1).join(','),
				},
				{ policy: policies[n], collection: 'authors', action: 'read', fields: n % 2 === 0 ? '*' : 'id' },
				...extra.map((collection) => ({ policy: policies[n], collection, action: 'read', fields: '*' })),
			]),
		);
		const tokens = n200.map((n) => `graphql-cache-token-${String(n).padStart(4, '0')}-0123456789`);
		await created(
			'/users',
			n200.map((n) => ({ email: `user${n}@example.com`, status: 'active', role: roles[n], token: tokens[n] })),
		);
		const ask = async (token: string) => {
			const response = await gql(url, '{ __schema { types { name } } articles(limit: 1, sort: ["id"]) { id } }', { token });
			t.is(response.status, 200, JSON.stringify(response.body));
			t.deepEqual(response.body.data.articles, [{ id: '1' }]);
		};
		// Measure what `capacity` schemas weigh, then let 180 more permission sets pass through the cache.
		await ask(tokens[capacity * 2]!);
		const empty = heapUsed();
		for (const token of tokens.slice(0, capacity)) await ask(token);
		const filled = heapUsed();
		for (const token of tokens.slice(capacity)) await ask(token);
		const after = heapUsed();
		const perSchema = Math.max(1, (filled - empty) / capacity);
		t.log(
			`heap: ${mb(empty)} MB, ${mb(filled)} MB with ${capacity} schemas (${Math.round(perSchema / 1024)} KB each), ${mb(after)} MB after 200 permission sets`,
		);
		// Unbounded, the 180 further schemas add about 100 schemas' weight (measured: 44 MB here); bounded,
		// only the per-caller bookkeeping beside the cache grows (about 7 MB). A quarter of 180 lies between.
		t.true(
			after - filled < ((200 - capacity) / 4) * perSchema,
			`heap grew by ${mb(after - filled)} MB, about ${Math.round((after - filled) / perSchema)} schemas' worth`,
		);
		// Each role still gets exactly its own fields.
		const schema = await gql(url, '{ __type(name: "articles") { fields { name } } }', { token: tokens[0] });
		t.deepEqual(schema.body.data.__type.fields.map((field: any) => field.name).sort(), ['id', 'title']);
	} finally {
		await running.stop();
		await db.drop();
	}
});

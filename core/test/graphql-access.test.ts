import { createDirectus, graphql, staticToken } from '@directus/sdk';
import { withCatalogKernel } from './helpers/catalog-kernel.js';
import { gql } from './helpers/graphql.js';
import type { TestDatabase } from './helpers/databases.js';
import { api } from './helpers/http.js';
import { adminToken } from './helpers/kernel.js';
import { vendorTest } from './helpers/vendor-test.js';
import { restrictedUser } from './security/authz-fixture.js';

/** A user whose role reads published articles' titles and views and nothing else, signing in with a static token. */
function createReader(url: string, db: TestDatabase) {
	const grant = { collection: 'articles', action: 'read', fields: 'id,title,views', permissions: { status: { _eq: 'published' } } } as const;
	return restrictedUser(url, db, { policies: [[grant]] });
}

const introspection = '{ __schema { types { name fields { name } inputFields { name } } queryType { fields { name } } mutationType { name } } }';

vendorTest("a restricted role's schema holds only what it may read, and the same errors as REST", (t, db) =>
	withCatalogKernel(db, async (url) => {
		const reader = await createReader(url, db);

		const schema = (await gql(url, introspection, { token: reader.token })).body.data.__schema;
		const types = new Map<string, any>(schema.types.map((type: any) => [type.name, type]));
		t.deepEqual(
			types
				.get('articles')
				.fields.map((field: any) => field.name)
				.sort(),
			['id', 'title', 'views'],
		);
		for (const hidden of ['authors', 'tags', 'articles_tags', 'directus_users', 'authors_filter', 'create_articles_input']) t.false(types.has(hidden), hidden);
		t.deepEqual(
			types
				.get('articles_filter')
				.inputFields.map((field: any) => field.name)
				.sort(),
			['_and', '_or', 'id', 'title', 'views'],
		);
		t.deepEqual(schema.queryType.fields.map((field: any) => field.name).sort(), ['articles', 'articles_aggregated', 'articles_by_id']);
		t.is(schema.mutationType, null);
		const sdl = await fetch(`${url}/server/specs/graphql`, { headers: { authorization: `Bearer ${reader.token}` } });
		const text = await sdl.text();
		t.is(sdl.status, 200);
		t.true(text.includes('type articles {'));
		t.false(/\b(authors|body|status|tags)\b/.test(text.replace(/articles_[a-z_]+/g, '')), text);

		// The row rule applies as in REST; a hidden field is not in the schema at all.
		const rows = await gql(url, '{ articles(sort: ["id"]) { id title } }', { token: reader.token });
		const rest = await api(url, 'GET', '/items/articles?fields=id,title&sort=id', undefined, reader.token);
		t.deepEqual(
			rows.body.data.articles.map((row: any) => Number(row.id)),
			rest.body.data.map((row: any) => row.id),
		);
		const hidden = await gql(url, '{ articles { id status } }', { token: reader.token });
		t.is(hidden.status, 400);
		t.is(hidden.body.errors[0].extensions.code, 'GRAPHQL_VALIDATION');
		// A draft (outside the row rule) and a missing item answer FORBIDDEN, as REST does.
		for (const id of [3, 999]) {
			const one = await gql(url, `{ articles_by_id(id: ${id}) { id } }`, { token: reader.token });
			t.is(one.body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
			t.is((await api(url, 'GET', `/items/articles/${id}`, undefined, reader.token)).status, 403);
		}
		// Anonymous callers see an empty schema, not the reader's.
		const anonymous = await gql(url, '{ __schema { queryType { fields { name } } } }', { token: null });
		t.deepEqual(
			anonymous.body.data.__schema.queryType.fields.map((field: any) => field.name),
			['_empty'],
		);
		const system = await gql(url, '{ __schema { types { name } } }', { token: reader.token, path: '/graphql/system' });
		t.false(system.body.data.__schema.types.some((type: any) => type.name === 'directus_permissions'));
	}),
);

vendorTest('a field or permission added a moment ago is served without a restart', (t, db) =>
	withCatalogKernel(db, async (url) => {
		const reader = await createReader(url, db);
		t.is((await gql(url, '{ articles { id subtitle } }')).body.errors[0].extensions.code, 'GRAPHQL_VALIDATION');
		t.is((await api(url, 'POST', '/fields/articles', { field: 'subtitle', type: 'string' })).status, 200);
		await api(url, 'PATCH', '/items/articles/1', { subtitle: 'Fresh' });
		const fresh = await gql(url, '{ articles_by_id(id: 1) { subtitle } }');
		t.deepEqual(fresh.body, { data: { articles_by_id: { subtitle: 'Fresh' } } });

		t.is((await gql(url, '{ authors { name } }', { token: reader.token })).status, 400);
		await api(url, 'POST', '/permissions', { policy: reader.policies[0], collection: 'authors', action: 'read', fields: 'name' });
		const granted = await gql(url, '{ authors(sort: ["name"], limit: 1) { name } }', { token: reader.token });
		t.deepEqual(granted.body, { data: { authors: [{ name: 'Ada' }] } });
	}),
);

vendorTest("@directus/sdk's graphql() client reads, writes and signs in through /graphql", (t, db) =>
	withCatalogKernel(db, async (url) => {
		const client = createDirectus(url).with(staticToken(adminToken)).with(graphql());
		const read = await client.query<{ articles: Array<{ id: string; author: { name: string } }> }>(
			'query($n: Int) { articles(limit: $n, sort: ["id"]) { id author { name } } }',
			{ n: 2 },
		);
		t.deepEqual(read.articles, [
			{ id: '1', author: { name: 'Ada' } },
			{ id: '2', author: { name: 'Ada' } },
		]);
		const written = await client.query<{ create_tags_item: { name: string } }>('mutation { create_tags_item(data: { name: "sdk" }) { name } }');
		t.deepEqual(written.create_tags_item, { name: 'sdk' });
		const me = await client.query<{ users_me: { email: string } }>('{ users_me { email } }', undefined, 'system');
		t.is(me.users_me.email, 'admin@example.com');
		const login = await client.query<{ auth_login: { access_token: string; refresh_token: string; expires: number } }>(
			'mutation { auth_login(email: "admin@example.com", password: "correct horse battery") { access_token refresh_token expires } }',
			undefined,
			'system',
		);
		t.true(login.auth_login.access_token.length > 20);
		t.true(Number(login.auth_login.expires) > 0);
		const refreshed = await gql(url, `mutation { auth_refresh(refresh_token: "${login.auth_login.refresh_token}") { access_token refresh_token } }`, {
			path: '/graphql/system',
			token: null,
		});
		t.truthy(refreshed.body.data.auth_refresh.access_token);
		const next = refreshed.body.data.auth_refresh.refresh_token;
		const logout = await gql(url, `mutation { auth_logout(refresh_token: "${next}") }`, { path: '/graphql/system', token: null });
		t.deepEqual(logout.body, { data: { auth_logout: true } });
		const ended = await gql(url, `mutation { auth_refresh(refresh_token: "${next}") { access_token } }`, { path: '/graphql/system', token: null });
		t.is(ended.body.errors?.[0]?.extensions?.code, (await api(url, 'POST', '/auth/refresh', { refresh_token: next }, null)).body.errors?.[0]?.extensions?.code);
		t.truthy(ended.body.errors?.[0]?.extensions?.code);
		const invalid = await client.query('{ articles { nope } }').then(
			() => undefined,
			(error: unknown) => error as any,
		);
		t.is(invalid?.errors?.[0]?.extensions?.code, 'GRAPHQL_VALIDATION');
	}),
);

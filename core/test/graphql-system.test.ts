import { gql, keysAsStrings } from './helpers/graphql.js';
import { api } from './helpers/http.js';
import { startKernel } from './helpers/kernel.js';
import { createPageBlocks, ok } from './helpers/many-to-any.js';
import { vendorTest } from './helpers/vendor-test.js';

vendorTest('many-to-any fields are unions, singletons one object, as REST reads them', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		const collection = (name: string, fields: unknown[], meta: Record<string, unknown> = {}) =>
			api(url, 'POST', '/collections', { collection: name, schema: {}, meta, fields }).then((r) => ok(r, name));
		await createPageBlocks(url);
		await ok(
			await api(url, 'POST', '/items/pages', {
				name: 'Home',
				blocks: [
					{ collection: 'headings', item: { title: 'Welcome' }, sort: 1 },
					{ collection: 'quotes', item: { text: 'Less is more' }, sort: 2 },
				],
			}),
			'page',
		);

		const graphql = await gql(url, '{ pages { name blocks { item { __typename ... on headings { title } ... on quotes { text } } } } }');
		t.falsy(graphql.body.errors, JSON.stringify(graphql.body.errors));
		const rest = await api(url, 'GET', '/items/pages?fields=name,blocks.collection,blocks.item:headings.title,blocks.item:quotes.text');
		t.deepEqual(
			graphql.body.data.pages,
			rest.body.data.map((page: any) => ({
				name: page.name,
				blocks: page.blocks.map((block: any) => ({ item: { __typename: block.collection, ...block.item } })),
			})),
		);

		await collection('site', [{ field: 'title', type: 'string', schema: { default_value: 'Untitled' } }], { singleton: true });
		t.deepEqual((await gql(url, '{ site { title } }')).body, { data: { site: { title: 'Untitled' } } });
		const saved = await gql(url, 'mutation { update_site(data: { title: "Mantle" }) { title } }');
		t.deepEqual(saved.body, { data: { update_site: { title: 'Mantle' } } });
		t.is((await api(url, 'GET', '/items/site')).body.data.title, 'Mantle');
	} finally {
		await stop();
	}
});

vendorTest('/graphql/system serves the system collections, users_me and server state as REST does', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		const system = (query: string) => gql(url, query, { path: '/graphql/system' });
		const roles = await system('{ roles(sort: ["name"]) { id name } }');
		t.deepEqual(roles.body.data.roles, keysAsStrings((await api(url, 'GET', '/roles?fields=id,name&sort=name')).body.data));
		const me = await system('{ users_me { email role { name } } }');
		t.deepEqual(me.body.data.users_me, (await api(url, 'GET', '/users/me?fields=email,role.name')).body.data);
		const server = await system('{ server_ping server_info { project } }');
		t.is(server.body.data.server_ping, 'pong');
		t.deepEqual(server.body.data.server_info.project, (await api(url, 'GET', '/server/info')).body.data.project);
		// System collections are not served on /graphql, user collections not on /graphql/system.
		t.is((await gql(url, '{ roles { id } }')).status, 400);
		await api(url, 'POST', '/collections', { collection: 'notes', schema: {}, meta: {}, fields: [{ field: 'text', type: 'string' }] });
		t.is((await system('{ notes { id } }')).status, 400);

		const created = await system('mutation { create_roles_item(data: { name: "Editors" }) { name } }');
		t.deepEqual(created.body, { data: { create_roles_item: { name: 'Editors' } } });
		const id = (await api(url, 'GET', '/roles?filter[name][_eq]=Editors&fields=id')).body.data[0].id;
		t.deepEqual((await system(`mutation { delete_roles_item(id: "${id}") { id } }`)).body, { data: { delete_roles_item: { id } } });
		t.is((await api(url, 'GET', `/roles/${id}`)).status, 403);

		const reset = await gql(url, 'mutation { auth_password_request(email: "nobody@example.com") }', { path: '/graphql/system', token: null });
		t.deepEqual(reset.body, { data: { auth_password_request: true } }, 'silent for an unknown address, as REST is');
		const login = await gql(url, 'mutation { auth_login(email: "admin@example.com", password: "wrong") { access_token } }', {
			path: '/graphql/system',
			token: null,
		});
		t.is(login.body.errors?.[0]?.extensions?.code, 'INVALID_CREDENTIALS');
	} finally {
		await stop();
	}
});

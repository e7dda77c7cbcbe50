import { Secret, TOTP } from 'otpauth';
import { createCatalog } from './helpers/catalog.js';
import { gql, keysAsStrings } from './helpers/graphql.js';
import { api } from './helpers/http.js';
import { startKernel } from './helpers/kernel.js';
import { vendorTest } from './helpers/vendor-test.js';

const adminPassword = 'correct horse battery';
const editorToken = 'graphql-editor-static-token-0123456789';
const code = (response: { body: any }) => response.body?.errors?.[0]?.extensions?.code;

/** A role that reads and updates articles' titles, and nothing else: no revisions, no flows, no admin. */
async function createEditor(url: string) {
	const role = (await api(url, 'POST', '/roles', { name: 'Editor' })).body.data.id;
	const policy = (await api(url, 'POST', '/policies', { name: 'Editor policy', app_access: false, admin_access: false })).body.data.id;
	await api(url, 'POST', '/access', { role, policy });
	for (const action of ['read', 'update']) await api(url, 'POST', '/permissions', { policy, collection: 'articles', action, fields: 'id,title' });
	const user = await api(url, 'POST', '/users', { email: 'editor@example.com', password: 'editor password', status: 'active', role, token: editorToken });
	if (user.status >= 300) throw new Error(JSON.stringify(user.body));
	return user.body.data.id as string;
}

vendorTest('utils_* mutations on /graphql/system do what /utils does', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		const system = (query: string, variables?: Record<string, unknown>) => gql(url, query, { path: '/graphql/system', variables });
		const random = await system('mutation { a: utils_random_string(length: 12) b: utils_random_string }');
		t.regex(random.body.data.a, /^[\w-]{12}$/);
		t.regex(random.body.data.b, /^[\w-]{32}$/);
		t.is(code(await system('mutation { utils_random_string(length: 501) }')), 'INVALID_QUERY');

		const hashed = (await system('mutation { utils_hash_generate(string: "s3cret") }')).body.data.utils_hash_generate;
		t.regex(hashed, /^\$argon2/);
		const verify = (text: string) => system('mutation ($s: String!, $h: String!) { utils_hash_verify(string: $s, hash: $h) }', { s: text, h: hashed });
		t.true((await verify('s3cret')).body.data.utils_hash_verify);
		t.false((await verify('other')).body.data.utils_hash_verify);

		await api(url, 'POST', '/collections', {
			collection: 'steps',
			schema: {},
			meta: { sort_field: 'sort' },
			fields: [
				{ field: 'name', type: 'string' },
				{ field: 'sort', type: 'integer' },
			],
		});
		await api(
			url,
			'POST',
			'/items/steps',
			['a', 'b', 'c', 'd'].map((name, index) => ({ name, sort: index + 1 })),
		);
		const [first, , third] = (await api(url, 'GET', '/items/steps?sort=sort&fields=id')).body.data.map((row: any) => row.id);
		const sorted = await system(`mutation { utils_sort(collection: "steps", item: "${first}", to: "${third}") }`);
		t.deepEqual(sorted.body, { data: { utils_sort: true } });
		t.deepEqual(
			(await api(url, 'GET', '/items/steps?sort=sort&fields=name')).body.data.map((row: any) => row.name),
			['b', 'c', 'a', 'd'],
		);
		// /utils/sort moves items with the same code.
		t.is(
			(await api(url, 'POST', '/utils/sort/steps', { item: first, to: (await api(url, 'GET', '/items/steps?sort=sort&fields=id')).body.data[0].id })).status,
			200,
		);
		t.deepEqual(
			(await api(url, 'GET', '/items/steps?sort=sort&fields=name')).body.data.map((row: any) => row.name),
			['a', 'b', 'c', 'd'],
		);

		await createCatalog(url);
		const unsorted = await system('mutation { utils_sort(collection: "articles", item: "1", to: "2") }');
		t.deepEqual(unsorted.body.errors?.[0]?.extensions, { code: 'INVALID_PAYLOAD' });
		t.is(unsorted.body.errors?.[0]?.message, 'Collection "articles" has no sort field.');
		const id = (await api(url, 'POST', '/items/articles', { title: 'First title' })).body.data.id;
		await api(url, 'PATCH', `/items/articles/${id}`, { title: 'Second title' });
		const revisions = (await api(url, 'GET', '/revisions?filter[collection][_eq]=articles&sort=id&fields=id')).body.data;
		t.deepEqual((await system(`mutation { utils_revert(revision: "${revisions[0].id}") }`)).body, { data: { utils_revert: true } });
		t.is((await api(url, 'GET', `/items/articles/${id}?fields=title`)).body.data.title, 'First title');

		t.deepEqual((await system('mutation { utils_cache_clear }')).body, { data: { utils_cache_clear: true } });
	} finally {
		await stop();
	}
});

vendorTest('users_me_tfa_* mutations turn two-factor sign-in on and off for the caller only', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		const system = (query: string, variables?: Record<string, unknown>, token?: string | null) =>
			gql(url, query, { path: '/graphql/system', variables, token });
		const wrong = await system('mutation { users_me_tfa_generate(password: "nope") { secret } }');
		t.is(code(wrong), 'INVALID_CREDENTIALS');
		const generated = await system('mutation ($p: String!) { users_me_tfa_generate(password: $p) { secret otpauth_url } }', { p: adminPassword });
		t.regex(generated.body.data.users_me_tfa_generate.otpauth_url, /^otpauth:\/\/totp\//);
		const secret = generated.body.data.users_me_tfa_generate.secret as string;
		const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 });
		const enable = (otp: string) => system('mutation ($s: String!, $o: String!) { users_me_tfa_enable(secret: $s, otp: $o) }', { s: secret, o: otp });
		t.is(code(await enable(totp.generate() === '000000' ? '111111' : '000000')), 'INVALID_OTP');
		t.deepEqual((await enable(totp.generate())).body, { data: { users_me_tfa_enable: true } });

		const login = (otp?: string) =>
			system('mutation ($o: String) { auth_login(email: "admin@example.com", password: "correct horse battery", otp: $o) { access_token } }', { o: otp }, null);
		t.is(code(await login()), 'INVALID_OTP');
		t.is(typeof (await login(totp.generate())).body.data.auth_login.access_token, 'string');

		const disabled = await system('mutation ($o: String!) { users_me_tfa_disable(otp: $o) }', { o: totp.generate() });
		t.deepEqual(disabled.body, { data: { users_me_tfa_disable: true } });
		t.is(typeof (await login()).body.data.auth_login.access_token, 'string');

		// Nobody signed in has no "me": refused, never someone else's account.
		t.is(code(await system('mutation { users_me_tfa_generate(password: "x") { secret } }', undefined, null)), 'FORBIDDEN');
	} finally {
		await stop();
	}
});

vendorTest('schema_snapshot, schema_diff and schema_apply answer as /schema does', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		const system = (query: string, variables?: Record<string, unknown>) => gql(url, query, { path: '/graphql/system', variables });
		await api(url, 'POST', '/collections', { collection: 'notes', schema: {}, meta: {}, fields: [{ field: 'text', type: 'string' }] });
		const snapshot = (await system('{ schema_snapshot }')).body.data.schema_snapshot;
		t.deepEqual(snapshot, (await api(url, 'GET', '/schema/snapshot')).body.data);
		t.is((await system('query ($s: JSON!) { schema_diff(snapshot: $s) }', { s: snapshot })).body.data.schema_diff, null, 'no change, no diff');

		await api(url, 'DELETE', '/collections/notes');
		const diff = (await system('query ($s: JSON!) { schema_diff(snapshot: $s) }', { s: snapshot })).body.data.schema_diff;
		t.deepEqual(diff, (await api(url, 'POST', '/schema/diff', snapshot)).body.data);
		t.true(diff.diff.collections.some((entry: any) => entry.collection === 'notes'));
		t.deepEqual((await system('mutation ($d: JSON!) { schema_apply(data: $d) }', { d: diff })).body, { data: { schema_apply: true } });
		t.is((await api(url, 'POST', '/items/notes', { text: 'back again' })).status, 200);
		t.is((await gql(url, '{ notes { text } }')).body.data.notes[0].text, 'back again');
	} finally {
		await stop();
	}
});

vendorTest('flows and operations are served on /graphql/system as REST serves them', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		const flow = (await api(url, 'POST', '/flows', { name: 'Tidy up', trigger: 'manual', status: 'active', options: {} })).body.data;
		await api(url, 'POST', '/operations', { flow: flow.id, key: 'log_it', type: 'log', name: 'Log', position_x: 1, position_y: 1, options: { message: 'hi' } });
		const answer = await gql(url, '{ flows { id name trigger status } operations { key type flow { name } } }', { path: '/graphql/system' });
		t.falsy(answer.body.errors, JSON.stringify(answer.body.errors));
		t.deepEqual(answer.body.data.flows, keysAsStrings((await api(url, 'GET', '/flows?fields=id,name,trigger,status')).body.data));
		t.deepEqual(answer.body.data.operations, (await api(url, 'GET', '/operations?fields=key,type,flow.name')).body.data);
		const renamed = await gql(url, `mutation { update_flows_item(id: "${flow.id}", data: { name: "Tidy" }) { name } }`, { path: '/graphql/system' });
		t.deepEqual(renamed.body, { data: { update_flows_item: { name: 'Tidy' } } });
	} finally {
		await stop();
	}
});

vendorTest('a restricted role sees and reaches none of the admin-only or other users’ system mutations', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		await createCatalog(url);
		const editor = await createEditor(url);
		const id = (await api(url, 'POST', '/items/articles', { title: 'Kept' })).body.data.id;
		await api(url, 'PATCH', `/items/articles/${id}`, { title: 'Changed' });
		const revision = (await api(url, 'GET', '/revisions?filter[collection][_eq]=articles&sort=id&fields=id')).body.data[0].id;
		const system = (query: string, token: string | null = editorToken) => gql(url, query, { path: '/graphql/system', token });

		const fields = (await system('{ __schema { queryType { fields { name } } mutationType { fields { name args { name } } } } }')).body.data.__schema;
		const queries = fields.queryType.fields.map((field: any) => field.name);
		const mutations = new Map<string, string[]>(fields.mutationType.fields.map((field: any) => [field.name, field.args.map((arg: any) => arg.name)]));
		for (const hidden of ['schema_snapshot', 'schema_diff', 'flows', 'operations', 'revisions']) t.false(queries.includes(hidden), hidden);
		for (const hidden of ['schema_apply', 'utils_cache_clear', 'create_flows_item', 'update_operations_item', 'create_collections_item', 'delete_fields_item'])
			t.false(mutations.has(hidden), hidden);
		t.deepEqual(mutations.get('users_me_tfa_generate'), ['password'], 'no argument names another user');

		for (const document of ['mutation { utils_cache_clear }', 'mutation { schema_apply(data: {}) }', '{ schema_snapshot }', '{ flows { id } }']) {
			const refused = await system(document);
			t.is(refused.status, 400, document);
			t.is(code(refused), 'GRAPHQL_VALIDATION', document);
		}
		// Revisions are not theirs to read, so not theirs to revert.
		t.is(code(await system(`mutation { utils_revert(revision: "${revision}") }`)), 'FORBIDDEN');
		t.is((await api(url, 'GET', `/items/articles/${id}?fields=title`)).body.data.title, 'Changed');
		t.is(code(await system('mutation { utils_hash_generate(string: "x") }', null)), 'FORBIDDEN', 'hashing is for signed-in users');
		t.is(code(await system('mutation { users_me_tfa_generate(password: "editor password") { secret } }', null)), 'FORBIDDEN');

		// Their own account they may secure; the admin's stays as it was.
		const own = await system('mutation { users_me_tfa_generate(password: "editor password") { secret } }');
		t.truthy(own.body.data.users_me_tfa_generate.secret);
		const secret = own.body.data.users_me_tfa_generate.secret;
		const otp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate();
		t.deepEqual((await system(`mutation { users_me_tfa_enable(secret: "${secret}", otp: "${otp}") }`)).body, { data: { users_me_tfa_enable: true } });
		const users = (await api(url, 'GET', '/users?fields=id,email,tfa_secret')).body.data;
		t.truthy(users.find((user: any) => user.id === editor).tfa_secret);
		t.falsy(users.find((user: any) => user.email === 'admin@example.com').tfa_secret);
	} finally {
		await stop();
	}
});

vendorTest('collections, fields and relations go through the schema service, as /collections, /fields and /relations do', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		const system = (query: string, variables?: Record<string, unknown>, token?: string | null) =>
			gql(url, query, { path: '/graphql/system', variables, token });
		const created = await system('mutation ($d: JSON!) { create_collections_item(data: $d) { collection meta } }', {
			d: { collection: 'memos', schema: {}, meta: { note: 'Short notes' }, fields: [{ field: 'text', type: 'string' }] },
		});
		t.falsy(created.body.errors, JSON.stringify(created.body.errors));
		t.is(created.body.data.create_collections_item.collection, 'memos');
		// A real table: items can be written at once.
		t.is((await api(url, 'POST', '/items/memos', { text: 'hello' })).status, 200);
		const field = await system('mutation { create_fields_item(collection: "memos", data: { field: "mood", type: "string" }) { collection field type } }');
		t.deepEqual(field.body.data.create_fields_item, { collection: 'memos', field: 'mood', type: 'string' });

		const read = await system('{ collections_by_name(name: "memos") { collection meta } fields_in_collection(collection: "memos") { field type schema } }');
		const rest = (await api(url, 'GET', '/fields/memos')).body.data;
		t.deepEqual(
			read.body.data.fields_in_collection,
			rest.map((entry: any) => ({ field: entry.field, type: entry.type, schema: entry.schema })),
		);
		t.is(read.body.data.collections_by_name.meta.note, 'Short notes');
		t.true((await system('{ collections { collection } }')).body.data.collections.some((entry: any) => entry.collection === 'memos'));

		t.deepEqual((await system('mutation { delete_collections_item(collection: "memos") { collection } }')).body, {
			data: { delete_collections_item: { collection: 'memos' } },
		});
		t.is((await api(url, 'GET', '/items/memos')).status, 403);

		// Sign-in sessions are never items, not even for admins.
		const fields = (await system('{ __schema { queryType { fields { name } } } }')).body.data.__schema.queryType.fields.map((entry: any) => entry.name);
		t.false(fields.includes('sessions'));
		t.false(fields.includes('sessions_by_id'));
		// The public reads only what it may: no collection of the model, and no way to change it.
		const anonymous = await system('{ collections { collection } }', undefined, null);
		t.deepEqual(anonymous.body, { data: { collections: [] } });
		t.is((await system('mutation { delete_collections_item(collection: "memos") { collection } }', undefined, null)).status, 400);
	} finally {
		await stop();
	}
});

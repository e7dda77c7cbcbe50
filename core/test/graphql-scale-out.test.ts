import { randomUUID } from 'node:crypto';
import { gql } from './helpers/graphql.js';
import { endOf, graphqlWsClients, subscribe } from './helpers/graphql-ws.js';
import { api } from './helpers/http.js';
import { readerToken, setUpNotes } from './helpers/realtime.js';
import { twoInstancesTest, until } from './helpers/two-instances.js';

twoInstancesTest('two instances on one Redis: a field or permission added on one is in the GraphQL schema of the other', async (t, a, b, db) => {
	await api(a.url, 'POST', '/collections', { collection: 'notes', schema: {}, meta: {}, fields: [{ field: 'text', type: 'string' }] });
	await api(a.url, 'POST', '/items/notes', { text: 'hello' });

	// B builds and caches its schema first, then A adds a field.
	t.true(await until(async () => (await gql(b.url, '{ notes { text } }')).status === 200));
	t.is((await gql(b.url, '{ notes { mood } }')).status, 400);
	await api(a.url, 'POST', '/fields/notes', { field: 'mood', type: 'string' });
	t.true(await until(async () => (await gql(b.url, '{ notes { mood } }')).status === 200), "B's cached schema is dropped when A changes the data model");

	const role = (await api(a.url, 'POST', '/roles', { name: 'Reader' })).body.data.id;
	const policy = (await api(a.url, 'POST', '/policies', { name: 'Readers' })).body.data.id;
	await api(a.url, 'POST', '/access', { role, policy });
	const token = 'graphql-scale-out-token-0123456789';
	await db.knex('mantle_users').insert({ id: randomUUID(), email: 'reader@example.com', status: 'active', role, token });
	t.is((await gql(b.url, '{ notes { text } }', { token })).status, 400, 'B caches a schema without notes for the reader');
	await api(a.url, 'POST', '/permissions', { policy, collection: 'notes', action: 'read', fields: 'text' });
	t.true(await until(async () => (await gql(b.url, '{ notes { text } }', { token })).status === 200), 'B drops it when A grants a permission');
	t.deepEqual((await gql(b.url, '{ notes { text } }', { token })).body, { data: { notes: [{ text: 'hello' }] } });
});

twoInstancesTest('two instances on one Redis: a user suspended on one loses their GraphQL subscription on the other', async (t, a, b, db) => {
	const { user } = await setUpNotes(a.url, db);
	const { connect, disposeAll } = graphqlWsClients(b.url);
	try {
		const live = subscribe(connect(readerToken), 'subscription { notes_mutated { key event } }');
		t.true(await until(async () => b.kernel.realtime.hub.size === 1));
		await api(a.url, 'PATCH', `/users/${user}`, { status: 'suspended' });
		const closed = await endOf(live);
		t.is(closed.code, 4403);
		t.regex(String(closed.reason), /access was withdrawn/);
		t.true(await until(async () => b.kernel.realtime.hub.size === 0));
	} finally {
		await disposeAll();
	}
});

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { exited, freePort, startCli } from './helpers/cli.js';
import { gql } from './helpers/graphql.js';
import { graphqlWsClients, subscribe } from './helpers/graphql-ws.js';
import { api } from './helpers/http.js';
import { adminToken } from './helpers/kernel.js';

// `mantle start` loads Apollo, graphql-js and graphql-ws with the first GraphQL request or socket,
// not before it answers its first ping: each test here starts a fresh process, so what it asks
// first is what loads them.

async function freshServer(t: { teardown(fn: () => Promise<void>): void }) {
	const cwd = mkdtempSync(path.join(os.tmpdir(), 'mantle-first-request-'));
	const port = await freePort();
	const server = await startCli({
		cwd,
		env: {
			HOST: '127.0.0.1',
			PORT: String(port),
			SECRET: 'a-test-secret-that-is-long-enough',
			ADMIN_PASSWORD: 'correct horse battery',
			ADMIN_TOKEN: adminToken,
		},
	});
	t.teardown(async () => {
		server.child.kill('SIGTERM');
		await exited(server.child);
		rmSync(cwd, { recursive: true, force: true });
	});
	return `http://127.0.0.1:${port}`;
}

test('a fresh server answers its very first request when it is a GraphQL query, and the next ones alike', async (t) => {
	const url = await freshServer(t);
	// Both scopes at once: the first two requests share the one load.
	const [me, ping] = await Promise.all([
		gql(url, '{ users_me { email } }', { path: '/graphql/system' }),
		gql(url, '{ server_ping }', { path: '/graphql/system', method: 'GET' }),
	]);
	t.deepEqual(me.body, { data: { users_me: { email: 'admin@example.com' } } });
	t.deepEqual(ping.body, { data: { server_ping: 'pong' } });
	const refused = await gql(url, '{ users_me { email } }', { path: '/graphql/system', token: 'not-a-token' });
	t.is(refused.status, 401);
	t.is(refused.body.errors[0].extensions.code, 'INVALID_CREDENTIALS');
});

test('a fresh server serves a GraphQL subscription whose socket is the first GraphQL it sees, messages sent before it loaded included', async (t) => {
	const url = await freshServer(t);
	const created = await api(url, 'POST', '/collections', { collection: 'notes', schema: {}, meta: {}, fields: [{ field: 'title', type: 'string' }] });
	t.is(created.status, 200, JSON.stringify(created.body));
	const { connect, disposeAll } = graphqlWsClients(url);
	t.teardown(disposeAll);
	// connection_init and subscribe leave as soon as the socket opens, while the server is still loading graphql-ws.
	const live = subscribe(connect(adminToken), 'subscription { notes_mutated { event data { title } } }');
	// The subscription is in place once a write made after it is delivered; one before it may be missed.
	let delivered: Record<string, any> | undefined;
	for (let attempt = 0; attempt < 50 && !delivered; attempt++) {
		await api(url, 'POST', '/items/notes', { title: `note ${attempt}` });
		delivered = await live.next(200).catch(() => undefined);
	}
	t.like(delivered?.data?.notes_mutated, { event: 'create' });
	t.regex(delivered?.data?.notes_mutated?.data?.title ?? '', /^note \d+$/);
});

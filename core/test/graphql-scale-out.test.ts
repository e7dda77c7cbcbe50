import { randomUUID } from 'node:crypto';
import test from 'ava';
import { createTestDatabase, serviceSkipReason, vendorTargets } from './helpers/databases.js';
import { gql } from './helpers/graphql.js';
import { api } from './helpers/http.js';
import { startKernel, type RunningKernel } from './helpers/kernel.js';

const redisSkip = await serviceSkipReason(6379, 'Redis at 127.0.0.1:6379');
const postgres = (await vendorTargets()).find((target) => target.vendor === 'postgres');
const skip = redisSkip ?? (postgres ? postgres.skip : 'PostgreSQL is not in TEST_DB');

const until = async (check: () => Promise<boolean>, ms = 10_000) => {
	const deadline = Date.now() + ms;
	while (!(await check()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
	return check();
};

(skip ? test.skip : test)('two instances on one Redis: a field or permission added on one is in the GraphQL schema of the other', async (t) => {
	const db = await createTestDatabase('postgres');
	const env = { REDIS: 'redis://127.0.0.1:6379' };
	const running: RunningKernel[] = [];
	try {
		running.push(await startKernel(db, env));
		running.push(await startKernel(db, env));
		const [a, b] = running as [RunningKernel, RunningKernel];
		await Promise.all(running.map((r) => r.kernel.invalidations!.ready()));
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
	} finally {
		for (const r of running) await r.stop();
		await db.drop();
	}
});

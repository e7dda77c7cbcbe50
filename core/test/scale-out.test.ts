import { randomUUID } from 'node:crypto';
import test from 'ava';
import { createTestDatabase, serviceSkipReason, vendorTargets } from './helpers/databases.js';
import { startKernel, type RunningKernel } from './helpers/kernel.js';
import { api, errorCode } from './helpers/http.js';

const redisSkip = await serviceSkipReason(6379, 'Redis at 127.0.0.1:6379');
const postgres = (await vendorTargets()).find((target) => target.vendor === 'postgres');
const skip = redisSkip ?? (postgres ? postgres.skip : 'PostgreSQL is not in TEST_DB');

const until = async (check: () => Promise<boolean>, ms = 5000) => {
	const deadline = Date.now() + ms;
	while (!(await check()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
	return check();
};

(skip ? test.skip : test)('two instances on one database and Redis: a schema change or a new permission on one is seen at once by the other', async (t) => {
	const db = await createTestDatabase('postgres');
	const env = { REDIS: 'redis://127.0.0.1:6379' };
	const running: RunningKernel[] = [];
	try {
		running.push(await startKernel(db, env));
		running.push(await startKernel(db, env));
		const [a, b] = running as [RunningKernel, RunningKernel];
		await Promise.all(running.map((r) => r.kernel.invalidations!.ready()));

		// B reads the schema first, so it holds an overview without the new collection.
		t.is(errorCode(await api(b.url, 'GET', '/items/notes')), 'FORBIDDEN');
		await api(a.url, 'POST', '/collections', { collection: 'notes', schema: {}, meta: {}, fields: [{ field: 'text', type: 'string' }] });
		await api(a.url, 'POST', '/items/notes', { text: 'hello' });
		t.true(await until(async () => (await api(b.url, 'GET', '/items/notes')).status === 200), 'B sees the collection A created');

		const role = (await api(a.url, 'POST', '/roles', { name: 'Reader' })).body.data.id;
		const policy = (await api(a.url, 'POST', '/policies', { name: 'Readers' })).body.data.id;
		await api(a.url, 'POST', '/access', { role, policy });
		const token = 'scale-out-reader-token-0123456789';
		await db.knex('mantle_users').insert({ id: randomUUID(), email: 'reader@example.com', status: 'active', role, token });
		t.is(errorCode(await api(b.url, 'GET', '/items/notes', undefined, token)), 'FORBIDDEN', 'B caches that the reader may not read');
		await api(a.url, 'POST', '/permissions', { policy, collection: 'notes', action: 'read', fields: '*' });
		t.true(
			await until(async () => (await api(b.url, 'GET', '/items/notes', undefined, token)).status === 200),
			'B drops its cached permissions when A grants one',
		);
		t.deepEqual((await api(b.url, 'GET', '/items/notes?fields=text', undefined, token)).body.data, [{ text: 'hello' }]);
	} finally {
		for (const r of running) await r.stop();
		await db.drop();
	}
});

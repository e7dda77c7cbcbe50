import { randomUUID } from 'node:crypto';
import test from 'ava';
import { createTestDatabase, serviceSkipReason, vendorTargets } from './helpers/databases.js';
import { startKernel, type RunningKernel } from './helpers/kernel.js';
import { api } from './helpers/http.js';
import { createFlow, eventually } from './helpers/flows.js';

const redisSkip = await serviceSkipReason(6379, 'Redis at 127.0.0.1:6379');
const postgres = (await vendorTargets()).find((target) => target.vendor === 'postgres');
const skip = redisSkip ?? (postgres ? postgres.skip : 'PostgreSQL is not in TEST_DB');

(skip ? test.skip : test)('a flow made, switched off or removed on one instance takes effect on the other within a second', async (t) => {
	const db = await createTestDatabase('postgres');
	const env = { REDIS: 'redis://127.0.0.1:6379', FLOWS_QUEUE_NAME: `mantle-flows-test-${randomUUID()}` };
	const running: RunningKernel[] = [];
	try {
		running.push(await startKernel(db, env));
		running.push(await startKernel(db, env));
		const [a, b] = running as [RunningKernel, RunningKernel];
		await Promise.all(running.map((r) => r.kernel.invalidations!.ready()));
		await api(a.url, 'POST', '/collections', { collection: 'notes', schema: {}, meta: {}, fields: [{ field: 'text', type: 'string' }] });
		const createdOnB = async () => (await api(b.url, 'POST', '/items/notes', { text: 'from b' })).status;
		t.is(await createdOnB(), 200, 'B takes notes before any flow exists');

		// A blocking (filter) flow runs on the instance that takes the request: B must know of it.
		const flow = await createFlow(a.url, { name: 'No notes', trigger: 'event', options: { type: 'filter', scope: ['items.create'], collections: ['notes'] } }, [
			{ key: 'refuse', type: 'throw-error', options: { code: 'FORBIDDEN', message: 'Notes are closed.' } },
		]);
		const since = performance.now();
		t.true(await eventually(async () => (await createdOnB()) === 403, 1000), 'B refuses notes within a second of A making the flow');
		t.log(`flow made on A, enforced on B after ${Math.round(performance.now() - since)} ms`);
		const refused = await api(b.url, 'POST', '/items/notes', { text: 'refused' });
		t.is(refused.body.errors[0].message, 'Notes are closed.');

		await api(a.url, 'PATCH', `/flows/${flow.id}`, { status: 'inactive' });
		t.true(await eventually(async () => (await createdOnB()) === 200, 1000), 'B takes notes again within a second of A switching the flow off');

		await api(a.url, 'PATCH', `/flows/${flow.id}`, { status: 'active' });
		t.true(await eventually(async () => (await createdOnB()) === 403, 1000), 'switched on again');
		await api(a.url, 'DELETE', `/flows/${flow.id}`);
		t.true(await eventually(async () => (await createdOnB()) === 200, 1000), 'B forgets a flow A deleted');
		const texts = (await db.knex('notes').select('text')).map((row) => row.text as string);
		t.false(texts.includes('refused'), 'a refused note left no row');
	} finally {
		for (const kernel of running) await kernel.stop();
		await db.drop();
	}
});

import test, { type ExecutionContext } from 'ava';
import { createTestDatabase, serviceSkipReason, vendorTargets } from './helpers/databases.js';
import { startKernel, type RunningKernel } from './helpers/kernel.js';
import { api } from './helpers/http.js';
import { openSocket, readerToken, setUpNotes } from './helpers/realtime.js';

const redisSkip = await serviceSkipReason(6379, 'Redis at 127.0.0.1:6379');
const targets = await vendorTargets();

for (const vendor of ['postgres', 'mysql'] as const) {
	const target = targets.find((entry) => entry.vendor === vendor);
	const skip = redisSkip ?? (target ? target.skip : `${vendor} is not in TEST_DB`);
	(skip ? test.skip : test)(`[${vendor}] two kernels on one database and Redis: a subscriber on B sees a write made on C, as its permissions allow`, (t) =>
		twoKernels(t, vendor),
	);
}

async function twoKernels(t: ExecutionContext, vendor: 'postgres' | 'mysql') {
	const db = await createTestDatabase(vendor);
	const env = { REDIS: 'redis://127.0.0.1:6379' };
	const running: RunningKernel[] = [];
	try {
		running.push(await startKernel(db, env));
		running.push(await startKernel(db, env));
		const [b, c] = running as [RunningKernel, RunningKernel];
		await Promise.all(running.map((r) => r.kernel.realtime.feed.ready()));
		await setUpNotes(c.url, db);

		const reader = await openSocket(b.url, { token: readerToken });
		reader.send({ type: 'subscribe', collection: 'notes', uid: 'n', query: { fields: ['id', 'title'] } });
		t.deepEqual((await reader.next((m) => m.uid === 'n' && m.event === 'init')).data, []);

		const hidden = (await api(c.url, 'POST', '/items/notes', { title: 'draft on C', status: 'draft' })).body.data.id;
		const shown = (await api(c.url, 'POST', '/items/notes', { title: 'published on C', status: 'published' })).body.data.id;
		t.deepEqual((await reader.next((m) => m.uid === 'n' && m.event === 'create')).data, [{ id: shown, title: 'published on C' }]);
		await api(c.url, 'PATCH', `/items/notes/${shown}`, { status: 'draft' });
		t.deepEqual((await reader.next((m) => m.uid === 'n' && m.event === 'delete')).data, [shown]);
		await reader.settle();
		t.false(
			reader.messages.some((m) => JSON.stringify(m.data ?? null).includes(`"id":${hidden}`)),
			'the draft written on C never reached the reader on B',
		);
		reader.close();
	} finally {
		for (const r of running) await r.stop();
		await db.drop();
	}
}

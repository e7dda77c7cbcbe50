import test from 'ava';
import { createTestDatabase, serviceSkipReason } from './helpers/databases.js';
import { adminToken, startKernel } from './helpers/kernel.js';

const admin = { authorization: `Bearer ${adminToken}` };
const redisSkip = await serviceSkipReason(6379, 'Redis at 127.0.0.1:6379');

(redisSkip ? test.skip : test)('with REDIS set, health checks the cache too, and reports it down when Redis does not answer', async (t) => {
	const db = await createTestDatabase('sqlite');
	const up = await startKernel(db, { REDIS: 'redis://127.0.0.1:6379' });
	try {
		const report = (await (await fetch(`${up.url}/server/health`, { headers: admin })).json()) as any;
		t.is(report.checks['cache:responseTime'][0].status, 'ok');
	} finally {
		await up.stop();
	}
	// Nothing listens on port 1: the cache check fails and the verdict is error.
	const down = await startKernel(db, { REDIS: 'redis://127.0.0.1:1' });
	try {
		const response = await fetch(`${down.url}/server/health`, { headers: admin });
		t.is(response.status, 503);
		t.is(((await response.json()) as any).checks['cache:responseTime'][0].status, 'error');
	} finally {
		await down.stop();
	}
	await db.drop();
});

import test, { type ExecutionContext } from 'ava';
import { createTestDatabase, serviceSkipReason, vendorTargets, type TestDatabase } from './databases.js';
import { startKernel, type RunningKernel } from './kernel.js';

const redisSkip = await serviceSkipReason(6379, 'Redis at 127.0.0.1:6379');
const postgres = (await vendorTargets()).find((target) => target.vendor === 'postgres');
const skip = redisSkip ?? (postgres ? postgres.skip : 'PostgreSQL is not in TEST_DB');

/** Polls `check` until it holds or `ms` pass, and answers whether it held: news between instances arrives over Redis. */
export async function until(check: () => Promise<boolean>, ms = 10_000): Promise<boolean> {
	const deadline = Date.now() + ms;
	while (!(await check()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
	return check();
}

/**
 * A test with two kernels on one PostgreSQL database and one Redis, both listening to the
 * invalidation bus before the body runs; skipped with the reason when either service is absent.
 */
export function twoInstancesTest(title: string, body: (t: ExecutionContext, a: RunningKernel, b: RunningKernel, db: TestDatabase) => Promise<void>): void {
	(skip ? test.skip : test)(title, async (t) => {
		const db = await createTestDatabase('postgres');
		const env = { REDIS: 'redis://127.0.0.1:6379' };
		const running: RunningKernel[] = [];
		try {
			running.push(await startKernel(db, env));
			running.push(await startKernel(db, env));
			await Promise.all(running.map((r) => r.kernel.invalidations!.ready()));
			await body(t, running[0]!, running[1]!, db);
		} finally {
			for (const r of running) await r.stop();
			await db.drop();
		}
	});
}

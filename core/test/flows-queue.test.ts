import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { Queue } from 'bullmq';
import { createTestDatabase, serviceSkipReason, vendorTargets } from './helpers/databases.js';
import { adminToken } from './helpers/kernel.js';
import { api } from './helpers/http.js';
import { exited, freePort, startCli } from './helpers/cli.js';
import { createFlow, eventually } from './helpers/flows.js';

const redisSkip = await serviceSkipReason(6379, 'Redis at 127.0.0.1:6379');
const postgres = (await vendorTargets()).find((target) => target.vendor === 'postgres');
const skip = redisSkip ?? (postgres ? postgres.skip : 'PostgreSQL is not in TEST_DB');

(skip ? test.skip : test)(
	'flows on Redis: two kernel processes fire a per-second schedule once per tick over 30 s, and a run whose kernel is killed completes on the other',
	async (t) => {
		t.timeout(180_000);
		const db = await createTestDatabase('postgres');
		const queueName = `mantle-flows-test-${randomUUID()}`;
		const folder = mkdtempSync(path.join(os.tmpdir(), 'mantle-flows-queue-'));
		const env = {
			...db.env,
			HOST: '127.0.0.1',
			REDIS: 'redis://127.0.0.1:6379',
			FLOWS_QUEUE_NAME: queueName,
			// Long enough that a loaded CI machine's event-loop stalls never look like a dead worker (BullMQ
			// then runs the job again: at least once, not exactly once); the takeover below waits it out.
			FLOWS_QUEUE_LOCK_DURATION: '8000',
			FLOWS_ENV_ALLOW_LIST: 'NODE_NAME',
			SECRET: 'a-test-secret-that-is-long-enough',
			ADMIN_EMAIL: 'admin@example.com',
			ADMIN_PASSWORD: 'correct horse battery',
			ADMIN_TOKEN: adminToken,
			EXTENSIONS_PATH: path.join(folder, 'extensions'),
			STORAGE_LOCAL_ROOT: path.join(folder, 'uploads'),
		};
		const start = async (name: string) => startCli({ cwd: folder, env: { ...env, NODE_NAME: name, PORT: String(await freePort()) } });
		const running: Array<Awaited<ReturnType<typeof startCli>>> = [];
		try {
			running.push(await start('a'));
			running.push(await start('b'));
			const [a, b] = running as [Awaited<ReturnType<typeof startCli>>, Awaited<ReturnType<typeof startCli>>];
			for (const name of ['ticks', 'marks']) {
				const made = await api(a.url, 'POST', '/collections', {
					collection: name,
					schema: {},
					meta: {},
					fields: [
						{ field: 'at', type: 'string' },
						{ field: 'node', type: 'string' },
					],
				});
				t.is(made.status, 200, JSON.stringify(made.body));
			}
			const schedule = await createFlow(a.url, { name: 'Tick', trigger: 'schedule', accountability: null, options: { cron: '* * * * * *' } }, [
				{
					key: 'save',
					type: 'item-create',
					options: { collection: 'ticks', permissions: '$full', payload: { at: '{{ $trigger.tick }}', node: '{{ $env.NODE_NAME }}' } },
				},
			]);
			const span = async () => {
				const rows = await db.knex('ticks').select('at');
				const ticks = rows.map((row) => Number(row.at));
				return ticks.length === 0 ? 0 : Math.max(...ticks) - Math.min(...ticks);
			};
			t.true(await eventually(async () => (await span()) >= 30_000, 75_000), 'the schedule ran for 30 s');
			await api(b.url, 'PATCH', `/flows/${schedule.id}`, { status: 'inactive' });
			const ticks = (await db.knex('ticks').select('at', 'node')).map((row) => ({ at: Number(row.at), node: row.node as string }));
			const seconds = ticks.map(({ at }) => Math.round(at / 1000));
			t.is(new Set(seconds).size, seconds.length, 'no tick fired twice');
			const first = Math.min(...seconds);
			const last = Math.max(...seconds);
			const missing = [];
			for (let second = first; second <= last; second++) if (!seconds.includes(second)) missing.push(second);
			t.deepEqual(missing, [], 'no tick was skipped');
			t.log(
				`ticks: ${ticks.length}; by node: ${JSON.stringify(ticks.reduce<Record<string, number>>((count, { node }) => ({ ...count, [node]: (count[node] ?? 0) + 1 }), {}))}`,
			);

			// Only A runs now; it takes the slow run, and dies in the middle of it.
			b.child.kill('SIGTERM');
			await exited(b.child);
			running.splice(1, 1);
			const slow = await createFlow(a.url, { name: 'Slow', trigger: 'webhook', accountability: null, options: { method: 'POST', async: true } }, [
				{
					key: 'begin',
					type: 'item-create',
					options: { collection: 'marks', permissions: '$full', payload: { at: 'started', node: '{{ $env.NODE_NAME }}' } },
					resolve: 'wait',
				},
				{ key: 'wait', type: 'sleep', options: { milliseconds: 4000 }, resolve: 'end' },
				{ key: 'end', type: 'item-create', options: { collection: 'marks', permissions: '$full', payload: { at: 'finished', node: '{{ $env.NODE_NAME }}' } } },
			]);
			t.is((await api(a.url, 'POST', `/flows/trigger/${slow.id}`, {})).status, 204, 'an asynchronous webhook answers at once');
			t.true(await eventually(async () => (await db.knex('marks').where({ at: 'started' })).length > 0, 20_000), 'A started the run');
			a.child.kill('SIGKILL');
			await exited(a.child);
			running.splice(0, 1);
			t.is((await db.knex('marks').where({ at: 'finished' })).length, 0, 'A died before finishing');
			running.push(await start('c'));
			t.true(await eventually(async () => (await db.knex('marks').where({ at: 'finished' })).length > 0, 40_000), 'the run completed on another kernel');
			t.deepEqual(
				(await db.knex('marks').where({ at: 'finished' }).select('node')).map((row) => row.node),
				['c'],
			);
		} finally {
			for (const process of running) {
				process.child.kill('SIGTERM');
				await exited(process.child);
			}
			const queue = new Queue(queueName, { connection: { host: '127.0.0.1', port: 6379 } });
			await queue.obliterate({ force: true }).catch(() => undefined);
			await queue.close();
			await db.drop();
			rmSync(folder, { recursive: true, force: true });
		}
	},
);

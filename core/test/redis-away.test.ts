import net from 'node:net';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import test from 'ava';
import { createLogger } from '../src/logger.js';
import { BullFlowQueue } from '../src/flows/queue-bull.js';
import { createTestDatabase, vendorTargets } from './helpers/databases.js';
import { startKernel } from './helpers/kernel.js';
import { api } from './helpers/http.js';
import { eventually } from './helpers/wait.js';

const sqliteSkip = (await vendorTargets()).find((target) => target.vendor === 'sqlite')?.skip;

/**
 * A Redis that is away: its port refuses connections until `hang()`, then accepts them and never
 * answers. A client that failed once and is connecting again when it is dropped is the case in
 * which a library reports that old failure after its owner has stopped listening.
 */
async function awayRedis() {
	const port = await new Promise<number>((resolve) => {
		const probe = net.createServer().listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as net.AddressInfo;
			probe.close(() => resolve(port));
		});
	});
	const accepted: net.Socket[] = [];
	const server = net.createServer((socket) => {
		accepted.push(socket);
		// Read what comes, so the socket closes when the client ends it.
		socket.resume();
		socket.on('error', () => {});
	});
	return {
		url: `redis://127.0.0.1:${port}`,
		accepted,
		hang: () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)),
		close: () => {
			for (const socket of accepted) socket.destroy();
			return new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

/** Unhandled rejections while `body` runs, and after it until the event loop has turned once more. */
async function rejectionsDuring(body: () => Promise<void>): Promise<unknown[]> {
	const rejections: unknown[] = [];
	const heard = (reason: unknown) => rejections.push(reason);
	process.on('unhandledRejection', heard);
	try {
		await body();
		await new Promise((resolve) => setImmediate(resolve));
		await new Promise((resolve) => setImmediate(resolve));
	} finally {
		process.off('unhandledRejection', heard);
	}
	return rejections;
}

function logLines() {
	const lines: Array<Record<string, unknown>> = [];
	const sink = new Writable({
		write(chunk, _encoding, done) {
			for (const line of String(chunk).split('\n')) if (line) lines.push(JSON.parse(line));
			done();
		},
	});
	return { lines, logger: createLogger('debug', sink) };
}

test.serial('the flow queue stops without an unhandled rejection when its Redis never answered', async (t) => {
	const redis = await awayRedis();
	const { lines, logger } = logLines();
	const queue = new BullFlowQueue(redis.url, { concurrency: 1, attempts: 1, backoffMs: 10, logger, lockDurationMs: 1000, queueName: `away-${randomUUID()}` });
	try {
		const rejections = await rejectionsDuring(async () => {
			await queue.start(async () => {});
			// Its producer, its worker and the worker's blocking connection each fail once, then connect again.
			t.true(await eventually(() => lines.filter((line) => line.msg === 'flow queue redis error').length >= 2), 'both connections were refused');
			await redis.hang();
			t.true(await eventually(() => redis.accepted.length >= 3), 'all three connections came back');
			await queue.stop();
			t.true(await eventually(() => redis.accepted.every((socket) => socket.closed)), 'every connection was closed');
		});
		t.deepEqual(rejections, []);
	} finally {
		await redis.close();
	}
});

(sqliteSkip === undefined ? test.serial : test.skip)(
	'[sqlite] a kernel whose Redis is away starts, answers, and stops without an unhandled rejection',
	async (t) => {
		const redis = await awayRedis();
		const db = await createTestDatabase('sqlite');
		try {
			const rejections = await rejectionsDuring(async () => {
				const kernel = await startKernel(db, { REDIS: redis.url, CACHE_ENABLED: 'true', CACHE_STORE: 'redis' });
				try {
					const answer = await api(kernel.url, 'GET', '/users');
					t.is(answer.status, 200);
					t.is(answer.body.data.length, 1, 'the admin, read from the database');
					await redis.hang();
					// Every client the kernel keeps on Redis (shared, subscribers, the flow queue's three) comes back to a silent Redis.
					t.true(await eventually(() => redis.accepted.length >= 5), `clients came back: ${redis.accepted.length}`);
				} finally {
					await kernel.stop();
				}
				t.true(await eventually(() => redis.accepted.every((socket) => socket.closed)), 'every connection was closed');
			});
			t.deepEqual(rejections, []);
		} finally {
			await redis.close();
			await db.drop();
		}
	},
);

import test from 'ava';
import knexFactory from 'knex';
import type { Accountability } from '@mantle/extensions-sdk';
import type { Config } from '../src/config/index.js';
import { dialectOfVendor } from '../src/database/dialects/index.js';
import type { StorageDriver, Storage } from '../src/storage/index.js';
import { createServerCapability } from '../src/server/server-capability.js';

const admin: Accountability = { user: 'admin', role: null, roles: [], policies: [], admin: true, app: true, ip: null };

/**
 * A storage location whose probe waits until the test lets it finish, and fails when told to:
 * the test decides when each round of checks settles and what it reports.
 */
function gatedStorage() {
	const objects = new Map<string, Buffer>();
	let rounds = 0;
	let failNext = false;
	let release: (() => void) | undefined;
	let gate: Promise<void> = Promise.resolve();
	const driver = {
		async put(key: string, body: AsyncIterable<Buffer>) {
			rounds++;
			const failing = failNext;
			await gate;
			if (failing) throw new Error('the store is down');
			const chunks: Buffer[] = [];
			for await (const chunk of body) chunks.push(chunk);
			objects.set(key, Buffer.concat(chunks));
		},
		async head(key: string) {
			const object = objects.get(key);
			return object ? { size: object.length } : undefined;
		},
		async get(key: string) {
			return (async function* () {
				yield objects.get(key)!;
			})();
		},
		async delete(key: string) {
			objects.delete(key);
		},
	} as unknown as StorageDriver;
	return {
		storage: { location: () => driver } as unknown as Storage,
		rounds: () => rounds,
		close(failing = false) {
			failNext = failing;
			gate = new Promise((resolve) => (release = resolve));
		},
		open() {
			release?.();
		},
	};
}

test('health answers from the last round while the next one runs, and never from one older than three seconds', async (t) => {
	const knex = knexFactory({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
	const store = gatedStorage();
	let now = 0;
	const config = {
		healthcheckThresholdMs: 60_000,
		healthcheckTimeoutMs: 60_000,
		storage: { locations: [{ name: 'local', driver: 'local', options: {} }] },
	} as unknown as Config;
	const server = createServerCapability({
		config,
		knex,
		dialect: dialectOfVendor('sqlite'),
		storage: store.storage,
		version: '0',
		serviceId: 'test',
		now: () => now,
	});
	const storageStatus = (report: Awaited<ReturnType<typeof server.health>>) => report.checks?.['storage:local:responseTime']?.[0]?.status;
	try {
		t.is(storageStatus(await server.health(admin)), 'ok');
		now = 500;
		t.is(storageStatus(await server.health(admin)), 'ok');
		t.is(store.rounds(), 1, 'a round answers for a second');

		// Past a second: the next round starts (and will fail), but the request does not wait for it.
		now = 1500;
		store.close(true);
		t.is(storageStatus(await server.health(admin)), 'ok', 'answered from the settled round while the next one runs');
		t.is(store.rounds(), 2);
		t.is(storageStatus(await server.health(admin)), 'ok', 'one round at a time');
		t.is(store.rounds(), 2);
		store.open();

		// Once it settles, the failure is what everyone sees.
		let reported = await server.health(admin);
		for (let attempt = 0; storageStatus(reported) !== 'error' && attempt < 100; attempt++) {
			await new Promise((resolve) => setImmediate(resolve));
			reported = await server.health(admin);
		}
		t.is(storageStatus(reported), 'error');
		t.is(reported.status, 'error');

		// Three and a half seconds later the last round is too old to stand in: the request waits for fresh checks.
		now = 5000;
		store.close(false);
		let settled = false;
		const waiting = server.health(admin).then((report) => {
			settled = true;
			return report;
		});
		for (let tick = 0; tick < 20; tick++) await new Promise((resolve) => setImmediate(resolve));
		t.false(settled, 'a result older than three seconds is not served');
		store.open();
		t.is(storageStatus(await waiting), 'ok');
		t.is(store.rounds(), 3);
	} finally {
		await knex.destroy();
	}
});

import { createHash, randomBytes, randomFillSync } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import test, { type ExecutionContext } from 'ava';
import { ConfigError, loadConfig, type StorageLocationConfig } from '../src/config/index.js';
import { MantleError } from '../src/errors/index.js';
import { checkStorage } from '../src/health/checks.js';
import { createStorage, isObjectNotFound, type StorageDriver } from '../src/storage/index.js';
import { createTestDatabase } from './helpers/databases.js';
import { assertRssGrowthUnder } from './helpers/memory.js';
import { azuriteAccount, objectStoreTargets, registerPerStore, type ObjectStore } from './helpers/object-stores.js';

const targets = await objectStoreTargets(['local', 'azure', 's3']);
test.after.always(() => Promise.all(targets.map((target) => target.store?.stop())));

const MB = 1024 * 1024;

/** The driver for a location named after the store, configured the way an operator would: through variables. */
function driverFor(store: ObjectStore): { driver: StorageDriver; location: StorageLocationConfig } {
	const config = loadConfig({ env: { STORAGE_LOCATIONS: store.kind, ...store.env(store.kind) }, cwd: os.tmpdir() });
	const location = config.storage.locations[0]!;
	return { driver: createStorage(config.storage.locations).location(location.name), location };
}

/** `size` random bytes in chunks, optionally failing after `failAfter` bytes; each chunk a fresh buffer the driver may keep. */
function generated(size: number, { failAfter, chunk = 64 * 1024 }: { failAfter?: number; chunk?: number } = {}) {
	const hash = createHash('sha256');
	let sent = 0;
	const stream = new Readable({
		read() {
			if (failAfter !== undefined && sent >= failAfter) return this.destroy(new Error('the source broke'));
			if (sent >= size) return this.push(null);
			const part = randomFillSync(Buffer.allocUnsafe(Math.min(chunk, size - sent)));
			sent += part.length;
			hash.update(part);
			this.push(part);
		},
	});
	return { stream, digest: () => hash.digest('hex') };
}

async function sha256Of(stream: Readable): Promise<{ hash: string; size: number }> {
	const hash = createHash('sha256');
	let size = 0;
	for await (const chunk of stream) {
		hash.update(chunk as Buffer);
		size += (chunk as Buffer).length;
	}
	return { hash: hash.digest('hex'), size };
}

const put = (driver: StorageDriver, key: string, content: string | Buffer, contentType?: string) =>
	driver.put(key, Readable.from([Buffer.from(content)]), { contentType });
const read = async (driver: StorageDriver, key: string, range?: { start: number; end?: number }) => (await buffer(await driver.get(key, range))).toString();
const folder = () => `t-${randomBytes(4).toString('hex')}`;

async function collect(iterable: AsyncIterable<string>): Promise<string[]> {
	const keys: string[] = [];
	for await (const key of iterable) keys.push(key);
	return keys.sort();
}

/** Registers a test per store, titled `[kind] title`; a store that failed to start fails it (REQUIRE_SERVICES=1) or skips it. */
function storeTest(title: string, body: (t: ExecutionContext, driver: StorageDriver, location: StorageLocationConfig) => Promise<void>, serial = false): void {
	registerPerStore(
		targets,
		title,
		async (t, store) => {
			const { driver, location } = driverFor(store);
			await body(t, driver, location);
		},
		serial,
	);
}

// Measured first and one at a time, so that no other test's buffers count against the limit.
storeTest(
	'a 64 MB upload and its download stream through without holding the file in memory',
	async (t, driver) => {
		const key = `${folder()}/big.bin`;
		// Warm up: the driver's SDK, sockets and buffers are loaded before the baseline is taken.
		await put(driver, `${key}.warm`, 'warm up');
		await read(driver, `${key}.warm`);
		await driver.delete(`${key}.warm`);

		const size = 64 * MB;
		await assertRssGrowthUnder(t, 48 * MB, async () => {
			try {
				const source = generated(size);
				t.deepEqual(await driver.put(key, source.stream), { size });
				const back = await sha256Of(await driver.get(key));
				t.deepEqual(back, { hash: source.digest(), size });
			} finally {
				await driver.delete(key);
			}
		});
	},
	true,
);

storeTest('a 5 MB stream is stored byte for byte, and head gives its size', async (t, driver, location) => {
	const key = `${folder()}/photo.bin`;
	const source = generated(5 * MB + 123);
	t.deepEqual(await driver.put(key, source.stream, { contentType: 'image/png' }), { size: 5 * MB + 123 });
	t.deepEqual(await sha256Of(await driver.get(key)), { hash: source.digest(), size: 5 * MB + 123 });
	const info = await driver.head(key);
	t.is(info?.size, 5 * MB + 123);
	t.true(info!.modified instanceof Date && Math.abs(info!.modified.getTime() - Date.now()) < 5 * 60_000);
	t.truthy(info?.etag);
	// Only the cloud stores keep metadata beside the bytes.
	t.is(info?.contentType, location.driver === 'local' ? undefined : 'image/png');
	await driver.delete(key);
});

storeTest('a ranged get returns exactly the bytes asked for, clamping an end past the last byte', async (t, driver) => {
	const key = `${folder()}/digits.txt`;
	await put(driver, key, '0123456789');
	t.is(await read(driver, key, { start: 2, end: 5 }), '2345');
	// Single-byte ranges away from 0: s3rver reads `bytes=0-0` as the whole object (real S3 does not).
	t.is(await read(driver, key, { start: 0, end: 1 }), '01');
	t.is(await read(driver, key, { start: 9, end: 9 }), '9');
	t.is(await read(driver, key, { start: 7 }), '789');
	t.is(await read(driver, key, { start: 8, end: 99 }), '89');
	const error = await t.throwsAsync(driver.get(key, { start: 10 }), { instanceOf: MantleError });
	t.is(error?.code, 'RANGE_NOT_SATISFIABLE');
	await t.throwsAsync(driver.get(key, { start: 5, end: 2 }), { message: /not satisfiable/ });
	await driver.delete(key);
});

storeTest('a put replaces what the key held', async (t, driver) => {
	const key = `${folder()}/note.txt`;
	await put(driver, key, 'first version');
	t.deepEqual(await put(driver, key, 'second'), { size: 6 });
	t.is(await read(driver, key), 'second');
	t.is((await driver.head(key))?.size, 6);
	await driver.delete(key);
});

storeTest('list yields every key under a prefix, a folder or a plain string prefix', async (t, driver) => {
	const base = folder();
	for (const key of ['docs/a.txt', 'docs/b/c.txt', 'docsx.txt', 'other.txt']) await put(driver, `${base}/${key}`, key);
	t.deepEqual(await collect(driver.list(`${base}/docs/`)), [`${base}/docs/a.txt`, `${base}/docs/b/c.txt`]);
	t.deepEqual(await collect(driver.list(`${base}/docs`)), [`${base}/docs/a.txt`, `${base}/docs/b/c.txt`, `${base}/docsx.txt`]);
	t.deepEqual(await collect(driver.list(`${base}/`)), [`${base}/docs/a.txt`, `${base}/docs/b/c.txt`, `${base}/docsx.txt`, `${base}/other.txt`]);
	t.deepEqual(await collect(driver.list(`${base}/nothing-here/`)), []);
	t.true((await collect(driver.list())).includes(`${base}/other.txt`));
});

storeTest('move renames an object, replacing the target, and refuses a missing source', async (t, driver) => {
	const base = folder();
	await put(driver, `${base}/draft.txt`, 'final words', 'text/plain');
	await put(driver, `${base}/archive/final.txt`, 'old words');
	await driver.move(`${base}/draft.txt`, `${base}/archive/final.txt`);
	t.is(await read(driver, `${base}/archive/final.txt`), 'final words');
	t.is(await driver.head(`${base}/draft.txt`), null);
	await driver.move(`${base}/archive/final.txt`, `${base}/archive/final.txt`);
	t.is(await read(driver, `${base}/archive/final.txt`), 'final words', 'a move onto itself keeps the object');
	const error = await t.throwsAsync(driver.move(`${base}/draft.txt`, `${base}/elsewhere.txt`));
	t.true(isObjectNotFound(error));
	t.is(await driver.head(`${base}/elsewhere.txt`), null);
});

storeTest('after delete, head is null and get rejects with ROUTE_NOT_FOUND; deleting again is fine', async (t, driver) => {
	const key = `${folder()}/gone.txt`;
	await put(driver, key, 'soon gone');
	await driver.delete(key);
	t.is(await driver.head(key), null);
	const error = await t.throwsAsync(driver.get(key), { instanceOf: MantleError });
	t.is(error?.code, 'ROUTE_NOT_FOUND');
	t.true(isObjectNotFound(error));
	await t.throwsAsync(driver.get(key, { start: 0, end: 1 }), { message: 'File not found.' });
	await t.notThrowsAsync(driver.delete(key));
});

storeTest('a put whose source fails halfway leaves no object, and an existing one untouched', async (t, driver, location) => {
	const base = folder();
	const broken = generated(20 * MB, { failAfter: 12 * MB });
	await t.throwsAsync(driver.put(`${base}/new.bin`, broken.stream), { message: 'the source broke' });
	t.is(await driver.head(`${base}/new.bin`), null);
	t.deepEqual(await collect(driver.list(`${base}/`)), []);

	await put(driver, `${base}/kept.txt`, 'the good version');
	await t.throwsAsync(driver.put(`${base}/kept.txt`, generated(20 * MB, { failAfter: 12 * MB }).stream), { message: 'the source broke' });
	t.is(await read(driver, `${base}/kept.txt`), 'the good version');
	if (location.driver === 'local') t.deepEqual(readdirSync(path.join(location.options.root!, base)), ['kept.txt'], 'no partial upload is left on disk');
});

storeTest('keys that are not plain relative paths are refused with INVALID_PAYLOAD', async (t, driver, location) => {
	for (const key of ['../escape.txt', 'a/../../escape.txt', '/etc/passwd', 'a//b', 'a\\b', './a', '']) {
		const error = await t.throwsAsync(put(driver, key, 'nope'), { instanceOf: MantleError }, key);
		t.is(error?.code, 'INVALID_PAYLOAD', key);
		await t.throwsAsync(driver.get(key), { instanceOf: MantleError }, key);
	}
	if (location.driver === 'local') t.false(existsSync(path.join(location.options.root!, '..', 'escape.txt')));
});

storeTest('the health probe passes through the driver and leaves nothing behind', async (t, driver, location) => {
	// Generous limits: this is about the probe's round trip, not its speed on a busy CI machine.
	const [name, check] = await checkStorage(location, { thresholdMs: 120_000, timeoutMs: 120_000 }, driver);
	t.is(name, `storage:${location.name}:responseTime`);
	t.is(check.status, 'ok', check.output);
	t.is(check.componentType, 'objectstore');
	t.deepEqual(await collect(driver.list('.mantle-health-')), []);
});

test('the health probe of an unreachable store is an error naming the failure', async (t) => {
	const location = {
		name: 'azure',
		driver: 'azure',
		options: { containerName: 'mantle', accountName: azuriteAccount.name, accountKey: azuriteAccount.key, endpoint: 'http://127.0.0.1:1/devstoreaccount1' },
	};
	const [, check] = await checkStorage(location, { thresholdMs: 10_000, timeoutMs: 2_000 });
	t.is(check.status, 'error');
	t.truthy(check.output);
});

test('createStorage names the variable a location is missing, and an unknown driver', (t) => {
	const config = (env: Record<string, string>) => loadConfig({ env: { STORAGE_LOCATIONS: 'local,azure', ...env }, cwd: os.tmpdir() }).storage.locations;
	const azure = { STORAGE_AZURE_DRIVER: 'azure', STORAGE_AZURE_ACCOUNT_NAME: 'acc', STORAGE_AZURE_ACCOUNT_KEY: 'a2V5' };
	const missing = t.throws(() => createStorage(config(azure)), { instanceOf: ConfigError });
	t.is(missing?.variable, 'STORAGE_AZURE_CONTAINER_NAME');
	t.regex(missing!.message, /STORAGE_AZURE_CONTAINER_NAME is required for the storage location "azure"/);

	const unknown = t.throws(() => createStorage(config({ STORAGE_AZURE_DRIVER: 'ftp' })), { instanceOf: ConfigError });
	t.is(unknown?.variable, 'STORAGE_AZURE_DRIVER');
	t.regex(unknown!.message, /must be one of local, azure, s3 \(got "ftp"\)/);

	const s3 = t.throws(
		() =>
			createStorage(
				loadConfig({ env: { STORAGE_LOCATIONS: 'files', STORAGE_FILES_DRIVER: 's3', STORAGE_FILES_BUCKET: 'b', STORAGE_FILES_KEY: 'id' }, cwd: os.tmpdir() })
					.storage.locations,
			),
		{ instanceOf: ConfigError },
	);
	t.is(s3?.variable, 'STORAGE_FILES_SECRET');
});

/** An azure location's variables but its endpoint: enough to configure one, not to reach one. */
const azureLocation = {
	STORAGE_AZURE_DRIVER: 'azure',
	STORAGE_AZURE_CONTAINER_NAME: 'mantle',
	STORAGE_AZURE_ACCOUNT_NAME: 'devstoreaccount1',
	STORAGE_AZURE_ACCOUNT_KEY: 'a2V5',
};

test('createStorage lists the locations in order, the first being the default, and refuses an unknown one', (t) => {
	const storage = createStorage(loadConfig({ env: { STORAGE_LOCATIONS: 'local,azure', ...azureLocation }, cwd: os.tmpdir() }).storage.locations);
	t.deepEqual(storage.names, ['local', 'azure']);
	t.is(storage.default, 'local');
	t.is(storage.location('azure'), storage.location('azure'));
	const error = t.throws(() => storage.location('backup'), { instanceOf: MantleError });
	t.regex(error!.message, /Unknown storage location "backup"; configured locations: local, azure/);
});

/** Loaded by the tests that need a whole kernel, so the driver tests above do not depend on it. */
const kernelHelpers = () => import('./helpers/kernel.js');

const azure = targets.find((target) => target.kind === 'azure')!;
const s3 = targets.find((target) => target.kind === 's3')!;
(azure.skip || s3.skip ? test.skip : test)('/server/health probes every storage location through its driver', async (t) => {
	if (!azure.store) throw azure.failure;
	if (!s3.store) throw s3.failure;
	const { adminToken, startKernel } = await kernelHelpers();
	const db = await createTestDatabase('sqlite');
	const running = await startKernel(db, { STORAGE_LOCATIONS: 'local,azure,s3', ...azure.store.env('azure'), ...s3.store.env('s3') });
	try {
		const response = await fetch(`${running.url}/server/health`, { headers: { authorization: `Bearer ${adminToken}` } });
		const report = (await response.json()) as { status: string; checks: Record<string, Array<{ status: string; componentType: string }>> };
		t.is(response.status, 200, JSON.stringify(report));
		for (const location of ['local', 'azure', 's3']) {
			t.is(report.checks[`storage:${location}:responseTime`]?.[0]?.status, 'ok', location);
			t.is(report.checks[`storage:${location}:responseTime`]?.[0]?.componentType, 'objectstore', location);
		}
		// The probe cleans up after itself.
		const storage = createStorage(running.kernel.config.storage.locations);
		for (const location of storage.names) t.deepEqual(await collect(storage.location(location).list('.mantle-health-')), [], location);
	} finally {
		await running.stop();
		await db.drop();
	}
});

test('/server/health reports an unreachable azure location as an error with 503', async (t) => {
	const { adminToken, startKernel } = await kernelHelpers();
	const db = await createTestDatabase('sqlite');
	const running = await startKernel(db, {
		STORAGE_LOCATIONS: 'local,azure',
		...azureLocation,
		// Nothing listens on port 1.
		STORAGE_AZURE_ENDPOINT: 'http://127.0.0.1:1/devstoreaccount1',
		HEALTHCHECK_TIMEOUT: '2000',
	});
	try {
		const response = await fetch(`${running.url}/server/health`, { headers: { authorization: `Bearer ${adminToken}` } });
		t.is(response.status, 503);
		const report = (await response.json()) as { checks: Record<string, Array<{ status: string }>> };
		t.is(report.checks['storage:azure:responseTime']?.[0]?.status, 'error');
		t.is(report.checks['storage:local:responseTime']?.[0]?.status, 'ok');
	} finally {
		await running.stop();
		await db.drop();
	}
});

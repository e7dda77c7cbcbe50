import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { ConfigError, loadConfig } from '../src/config/index.js';

const emptyDir = () => mkdtempSync(path.join(os.tmpdir(), 'mantle-config-'));

test('with no variables at all, the embedded default is SQLite under ./data on port 8055', (t) => {
	const cwd = emptyDir();
	const config = loadConfig({ env: {}, cwd });
	t.is(config.database.client, 'sqlite3');
	t.is(config.database.filename, path.join(cwd, 'data/mantle.db'));
	t.is(config.port, 8055);
	t.is(config.publicUrl, 'http://localhost:8055');
	t.true(config.secretGenerated);
});

test('a PORT that is not a port stops the start with a message naming PORT and the expectation', (t) => {
	const error = t.throws(() => loadConfig({ env: { PORT: 'eighty' }, cwd: emptyDir() }), { instanceOf: ConfigError });
	t.is(error?.variable, 'PORT');
	t.regex(error!.message, /PORT must be a port number between 0 and 65535 \(got "eighty"\)/);
	t.throws(() => loadConfig({ env: { PORT: '70000' }, cwd: emptyDir() }), { message: /PORT must be a port number/ });
});

test('an unknown DB_CLIENT names the variable and the accepted clients', (t) => {
	const error = t.throws(() => loadConfig({ env: { DB_CLIENT: 'mongodb' }, cwd: emptyDir() }), { instanceOf: ConfigError });
	t.is(error?.variable, 'DB_CLIENT');
	t.regex(error!.message, /DB_CLIENT must be one of \[sqlite3, better-sqlite3, pg.*\] \(got "mongodb"\)/);
});

test('a network database without DB_HOST or a connection string is refused, naming DB_HOST', (t) => {
	t.throws(() => loadConfig({ env: { DB_CLIENT: 'pg', DB_DATABASE: 'x' }, cwd: emptyDir() }), {
		message: /DB_HOST is required when DB_CLIENT is a network database/,
	});
	t.notThrows(() => loadConfig({ env: { DB_CLIENT: 'pg', DB_CONNECTION_STRING: 'postgres://u@h/d' }, cwd: emptyDir() }));
});

test('a bad secret is named but its value is never echoed', (t) => {
	const error = t.throws(() => loadConfig({ env: { SECRET: 'hunter2' }, cwd: emptyDir() }), { instanceOf: ConfigError });
	t.regex(error!.message, /SECRET must be at least 16 characters long/);
	t.false(error!.message.includes('hunter2'));
});

test('.env is read, and the process environment wins over it', (t) => {
	const cwd = emptyDir();
	writeFileSync(path.join(cwd, '.env'), 'PORT=9000\nPUBLIC_URL=https://data.example.com/\nLOG_LEVEL=debug\n');
	const config = loadConfig({ env: { LOG_LEVEL: 'warn' }, cwd });
	t.is(config.port, 9000);
	t.is(config.publicUrl, 'https://data.example.com');
	t.is(config.logLevel, 'warn');
});

test('storage locations other than local must name their driver, and local ones resolve their root', (t) => {
	t.throws(() => loadConfig({ env: { STORAGE_LOCATIONS: 'local,cloud' }, cwd: emptyDir() }), { message: /STORAGE_CLOUD_DRIVER is required/ });
	const cwd = emptyDir();
	const config = loadConfig({ env: { STORAGE_LOCAL_ROOT: './files' }, cwd });
	t.deepEqual(config.storage.locations, [{ name: 'local', driver: 'local', options: { root: path.join(cwd, 'files') } }]);
});

test('sizes and booleans are converted', (t) => {
	const config = loadConfig({ env: { MAX_PAYLOAD_SIZE: '2mb', CACHE_ENABLED: 'true' }, cwd: emptyDir() });
	t.is(config.maxPayloadBytes, 2 * 1024 * 1024);
	t.true(config.cacheEnabled);
	t.throws(() => loadConfig({ env: { MAX_PAYLOAD_SIZE: 'huge' }, cwd: emptyDir() }), { message: /MAX_PAYLOAD_SIZE must be a size/ });
});

test('a cloud storage location gets its STORAGE_<NAME>_* variables as camel-cased driver options', (t) => {
	const config = loadConfig({
		env: {
			STORAGE_LOCATIONS: 'local, azure',
			STORAGE_AZURE_DRIVER: 'azure',
			STORAGE_AZURE_CONTAINER_NAME: 'uploads',
			STORAGE_AZURE_ACCOUNT_NAME: 'devstoreaccount1',
			STORAGE_AZURE_ACCOUNT_KEY: 'a2V5',
			STORAGE_AZURE_ENDPOINT: 'http://127.0.0.1:10000/devstoreaccount1',
			STORAGE_AZURE_ROOT: 'mantle',
		},
		cwd: emptyDir(),
	});
	t.deepEqual(
		config.storage.locations.map((location) => location.name),
		['local', 'azure'],
	);
	t.deepEqual(config.storage.locations[1], {
		name: 'azure',
		driver: 'azure',
		options: {
			containerName: 'uploads',
			accountName: 'devstoreaccount1',
			accountKey: 'a2V5',
			endpoint: 'http://127.0.0.1:10000/devstoreaccount1',
			root: 'mantle',
		},
	});
});

test('file and asset limits have Directus defaults and read sizes, lists and durations', (t) => {
	const defaults = loadConfig({ env: {}, cwd: emptyDir() });
	t.deepEqual(defaults.files, { maxUploadBytes: undefined, mimeTypeAllowList: ['*/*'], importAllowPrivateNetwork: false });
	t.deepEqual(defaults.assets, { cacheTtlSeconds: 30 * 24 * 3600, transformMaxConcurrent: 25, maxDimension: 6000, transformTimeoutMs: 7500 });

	const config = loadConfig({
		env: {
			FILES_MAX_UPLOAD_SIZE: '50mb',
			FILES_MIME_TYPE_ALLOW_LIST: 'image/*, application/PDF',
			FILES_IMPORT_ALLOW_PRIVATE_NETWORK: 'true',
			ASSETS_CACHE_TTL: '1h',
			ASSETS_TRANSFORM_MAX_CONCURRENT: '4',
			ASSETS_TRANSFORM_IMAGE_MAX_DIMENSION: '2000',
			ASSETS_TRANSFORM_TIMEOUT: '2s',
		},
		cwd: emptyDir(),
	});
	t.deepEqual(config.files, { maxUploadBytes: 50 * 1024 * 1024, mimeTypeAllowList: ['image/*', 'application/pdf'], importAllowPrivateNetwork: true });
	t.deepEqual(config.assets, { cacheTtlSeconds: 3600, transformMaxConcurrent: 4, maxDimension: 2000, transformTimeoutMs: 2000 });
	t.is(loadConfig({ env: { ASSETS_TRANSFORM_TIMEOUT: '1500' }, cwd: emptyDir() }).assets.transformTimeoutMs, 1500);
});

test('a bad file or asset setting names its variable and what was expected', (t) => {
	const bad = (env: Record<string, string>) => t.throws(() => loadConfig({ env, cwd: emptyDir() }), { instanceOf: ConfigError });
	t.regex(bad({ ASSETS_CACHE_TTL: 'a month' })!.message, /ASSETS_CACHE_TTL must be a duration such as/);
	t.regex(bad({ FILES_MIME_TYPE_ALLOW_LIST: 'images' })!.message, /FILES_MIME_TYPE_ALLOW_LIST must be a comma-separated list of MIME types/);
	t.regex(bad({ FILES_MAX_UPLOAD_SIZE: 'big' })!.message, /FILES_MAX_UPLOAD_SIZE must be a size/);
	t.is(bad({ ASSETS_TRANSFORM_MAX_CONCURRENT: '0' })?.variable, 'ASSETS_TRANSFORM_MAX_CONCURRENT');
});

test('HEAP_GROWTH_PERCENT defaults to 50, takes 0 (V8 decides) up to 300, and refuses anything else naming the variable', (t) => {
	t.is(loadConfig({ env: {}, cwd: emptyDir() }).heapGrowthPercent, 50);
	t.is(loadConfig({ env: { HEAP_GROWTH_PERCENT: '0' }, cwd: emptyDir() }).heapGrowthPercent, 0);
	t.is(loadConfig({ env: { HEAP_GROWTH_PERCENT: '300' }, cwd: emptyDir() }).heapGrowthPercent, 300);
	for (const value of ['-1', '301', 'half', '12.5']) {
		const error = t.throws(() => loadConfig({ env: { HEAP_GROWTH_PERCENT: value }, cwd: emptyDir() }), { instanceOf: ConfigError });
		t.is(error?.variable, 'HEAP_GROWTH_PERCENT', value);
	}
});

test('DB_READ_THREADS defaults to the CPUs, at most four, takes 0 to turn the threads off, and refuses what is not a count up to 64', (t) => {
	t.is(loadConfig({ env: {}, cwd: emptyDir() }).database.readThreads, Math.min(4, os.availableParallelism()));
	t.is(loadConfig({ env: { DB_READ_THREADS: '0' }, cwd: emptyDir() }).database.readThreads, 0);
	t.is(loadConfig({ env: { DB_READ_THREADS: '8' }, cwd: emptyDir() }).database.readThreads, 8);
	for (const value of ['-1', '65', 'many', '1.5']) {
		const error = t.throws(() => loadConfig({ env: { DB_READ_THREADS: value }, cwd: emptyDir() }), { instanceOf: ConfigError });
		t.is(error?.variable, 'DB_READ_THREADS', value);
	}
});

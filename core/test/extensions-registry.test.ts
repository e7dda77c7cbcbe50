import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync, gunzipSync } from 'node:zlib';
import { randomUUID } from 'node:crypto';
import test from 'ava';
import { createTestDatabase, serviceSkipReason, vendorTargets } from './helpers/databases.js';
import { startKernel, type RunningKernel } from './helpers/kernel.js';
import { api, errorCode } from './helpers/http.js';
import { publishExtension, registryEnv, startRegistry } from './helpers/registry.js';
import { eventually } from './helpers/flows.js';

const redisSkip = await serviceSkipReason(6379, 'Redis at 127.0.0.1:6379');
const postgres = (await vendorTargets()).find((target) => target.vendor === 'postgres');
const skip = redisSkip ?? (postgres ? postgres.skip : 'PostgreSQL is not in TEST_DB');

const name = 'mantle-extension-greet';
const answerOf = async (url: string) => {
	const response = await api(url, 'GET', '/greet/');
	return response.status === 200 ? response.body.answer : errorCode(response);
};

test('the kernel installs from its registry after verifying it, waits for the scope grant, serves it without a restart, updates, downgrades and uninstalls it leaving nothing', async (t) => {
	t.timeout(300_000);
	const registry = await startRegistry();
	const db = await createTestDatabase('sqlite');
	let kernel: RunningKernel | undefined;
	try {
		await publishExtension(registry, { name, version: '1.0.0', answer: 'one', requestedScopes: { log: {} } });
		kernel = await startKernel(db, registryEnv(registry));
		const { url } = kernel;

		const listing = await api(url, 'GET', '/extensions/registry?type=endpoint');
		t.is(listing.status, 200, JSON.stringify(listing.body));
		t.deepEqual(
			listing.body.data.map((item: { name: string }) => item.name),
			[name],
		);
		t.like((await api(url, 'GET', `/extensions/registry/extension/${name}`)).body.data, { name, requested_scopes: { log: {} }, publisher: { name: 'ada' } });

		const installed = await api(url, 'POST', '/extensions/registry/install', { extension: name });
		t.is(installed.status, 200, JSON.stringify(installed.body));
		t.like(installed.body.data, { name, version: '1.0.0', origin: 'registry', status: 'awaiting-grant', requestedScopes: { log: {} } });
		t.is(await answerOf(url), 'ROUTE_NOT_FOUND', 'nothing runs before the grant');
		t.like((await api(url, 'POST', '/extensions/registry/grant', { extension: name })).body.data, { status: 'loaded', sandboxed: true });
		t.is(await answerOf(url), 'one');

		// A later version asking for more waits for a new grant; a downgrade within the grant runs at once.
		await publishExtension(registry, { name, version: '1.1.0', answer: 'two', requestedScopes: { log: {}, sleep: {} } });
		t.like((await api(url, 'POST', '/extensions/registry/install', { extension: name, version: '^1.1.0' })).body.data, {
			version: '1.1.0',
			status: 'awaiting-grant',
		});
		t.is(await answerOf(url), 'ROUTE_NOT_FOUND');
		await api(url, 'POST', '/extensions/registry/grant', { extension: name });
		t.is(await answerOf(url), 'two');
		t.like((await api(url, 'POST', '/extensions/registry/install', { extension: name, version: '1.0.0' })).body.data, { version: '1.0.0', status: 'loaded' });
		t.is(await answerOf(url), 'one');

		// From install to the first answer of an extension that asks for no scope (about 100 KB).
		await publishExtension(registry, { name: 'mantle-extension-quick', version: '1.0.0', answer: 'quick', padding: 75_000 });
		const started = performance.now();
		t.like((await api(url, 'POST', '/extensions/registry/install', { extension: 'mantle-extension-quick' })).body.data, { status: 'loaded' });
		t.is((await api(url, 'GET', '/quick/')).body.answer, 'quick');
		t.log(`install to first answer: ${Math.round(performance.now() - started)} ms`);

		const folder = path.join(kernel.kernel.config.extensions.path, name);
		const before = readFileSync(path.join(folder, 'dist/index.js'), 'utf8');
		const refusedWith = async (version: string, pattern: RegExp, extension = name) => {
			const refused = await api(url, 'POST', '/extensions/registry/install', { extension, version });
			t.is(refused.status, 400, JSON.stringify(refused.body));
			t.regex(refused.body.errors[0].message, pattern);
			t.is(await answerOf(url), 'one', `${version}: the running set is unchanged`);
			t.is(readFileSync(path.join(folder, 'dist/index.js'), 'utf8'), before);
		};

		// Altered after publishing: the stored tarball no longer matches its integrity.
		await publishExtension(registry, { name, version: '2.0.0', answer: 'tampered' });
		const key = `${name}/-/${name}-2.0.0.tgz`;
		const stored = Buffer.concat(await (await registry.registry.store.get(key)).toArray());
		const altered = Buffer.from(gunzipSync(stored).toString('latin1').replace("answer: 'tampered'", "answer: 'tampared'"), 'latin1');
		await registry.registry.store.put(key, Readable.from([gzipSync(altered)]));
		await refusedWith('2.0.0', /integrity/);

		await publishExtension(registry, { name, version: '2.1.0', answer: 'unsigned' });
		const row = await registry.registry.knex('registry_versions').where({ name, version: '2.1.0' }).first('document');
		const document = JSON.parse(row.document);
		delete document.dist['mantle:signature'];
		await registry.registry
			.knex('registry_versions')
			.where({ name, version: '2.1.0' })
			.update({ document: JSON.stringify(document) });
		await refusedWith('2.1.0', /unsigned/);

		await publishExtension(registry, { name, version: '2.3.0', answer: 'future', host: '^9.0.0' });
		await refusedWith('2.3.0', /requires Mantle \^9\.0\.0/);
		await publishExtension(registry, { name: 'mantle-extension-odd', version: '1.0.0', answer: 'odd', type: 'widget', asSystem: true });
		await refusedWith('1.0.0', /type/, 'mantle-extension-odd');
		// Fetched as the registry's own "greet" but recorded outside the extensions folder, were it not refused.
		await refusedWith('1.0.0', /^"\.\.\/mantle-extension-greet" is not a valid package name\.$/, `../${name}`);

		// After a rotation the registry signs with a key this kernel was not given.
		registry.registry.keys.rotate();
		await publishExtension(registry, { name, version: '2.2.0', answer: 'unknown key' });
		await refusedWith('2.2.0', /not in EXTENSIONS_REGISTRY_KEYS/);

		const reader = 'registry-reader-token-0123456789';
		await db.knex('mantle_users').insert({ id: randomUUID(), email: 'reader@example.com', status: 'active', token: reader });
		t.is(errorCode(await api(url, 'POST', '/extensions/registry/install', { extension: name }, reader)), 'FORBIDDEN');

		t.is((await api(url, 'DELETE', `/extensions/registry/uninstall/${name}`)).status, 204);
		t.false(existsSync(folder), 'no file is left');
		t.is((await db.knex('mantle_extensions').where({ folder: name })).length, 0, 'no row is left');
		t.is(await answerOf(url), 'ROUTE_NOT_FOUND');
	} finally {
		await kernel?.stop();
		await db.drop();
		await registry.stop();
	}
});

(skip ? test.skip : test)('two kernels on one PostgreSQL and Redis both serve an extension installed through one of them', async (t) => {
	t.timeout(300_000);
	const registry = await startRegistry();
	const db = await createTestDatabase('postgres');
	const running: RunningKernel[] = [];
	try {
		await publishExtension(registry, { name, version: '1.0.0', answer: 'shared' });
		const env = { ...registryEnv(registry), REDIS: 'redis://127.0.0.1:6379' };
		running.push(await startKernel(db, env));
		running.push(await startKernel(db, env));
		const [a, b] = running as [RunningKernel, RunningKernel];
		await Promise.all(running.map((r) => r.kernel.invalidations!.ready()));
		t.like((await api(a.url, 'POST', '/extensions/registry/install', { extension: name })).body.data, { status: 'loaded' });
		t.true(await eventually(async () => (await answerOf(b.url)) === 'shared', 20_000), 'B fetched, verified and serves it');
		t.is((await api(b.url, 'DELETE', `/extensions/registry/uninstall/${name}`)).status, 204);
		t.true(await eventually(async () => (await answerOf(a.url)) === 'ROUTE_NOT_FOUND', 20_000), 'and A drops it');
	} finally {
		for (const r of running) await r.stop();
		await db.drop();
		await registry.stop();
	}
});

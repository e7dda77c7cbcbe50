import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import test from 'ava';
import { createTestDatabase } from './helpers/databases.js';
import { adminToken, startKernel, type RunningKernel } from './helpers/kernel.js';
import { api, errorCode } from './helpers/http.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/extensions');

async function withExtensions(names: string[], run: (running: RunningKernel) => Promise<void>): Promise<void> {
	const db = await createTestDatabase('sqlite');
	const running = await startKernel(db);
	try {
		for (const name of names) cpSync(path.join(fixtures, name), path.join(running.kernel.config.extensions.path, name), { recursive: true });
		await running.kernel.extensions.loadAll();
		await run(running);
	} finally {
		await running.stop();
		await db.drop();
	}
}

test('an endpoint in EXTENSIONS_PATH is mounted under its id with params, query and accountability', async (t) => {
	await withExtensions(['echo'], async ({ url }) => {
		const listed = (await (await fetch(`${url}/echo?filter[status][_eq]=draft&limit=2`, { headers: { authorization: `Bearer ${adminToken}` } })).json()) as any;
		t.deepEqual(listed.query, { filter: { status: { _eq: 'draft' } }, limit: '2' });
		t.true(listed.admin);
		t.false(listed.hasServer, 'only first-party extensions get the server capability');

		const item = (await (await fetch(`${url}/echo/items/caf%C3%A9`)).json()) as any;
		t.deepEqual(item, { params: { name: 'café' }, path: '/items/caf%C3%A9' }, 'params are decoded, the path is as sent');

		const searched = await fetch(`${url}/echo`, {
			method: 'SEARCH',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ query: { limit: 1 } }),
		});
		t.deepEqual(await searched.json(), { searched: { query: { limit: 1 } } });
	});
});

test('errors thrown by an extension: known codes keep their status, anything else is a 500 that hides its text', async (t) => {
	await withExtensions(['echo'], async ({ url, kernel }) => {
		const forbidden = await fetch(`${url}/echo/forbidden`);
		t.is(forbidden.status, 403);
		t.is(((await forbidden.json()) as any).errors[0].extensions.code, 'FORBIDDEN');

		const crash = await fetch(`${url}/echo/crash`);
		t.is(crash.status, 500);
		const text = await crash.text();
		t.false(text.includes('secret_table'));
		t.is(JSON.parse(text).errors[0].extensions.code, 'INTERNAL');

		t.is((await fetch(`${url}/server/ping`)).status, 200, 'the server keeps serving');
		t.is(kernel.extensions.list().find((record) => record.name === 'echo')?.status, 'loaded', 'the extension that threw stays loaded');
	});
});

test('broken extensions are reported one by one and never stop the others from loading', async (t) => {
	await withExtensions(['echo', 'bad-manifest', 'future-host', 'sandboxed', 'throws-on-load', 'not-an-extension'], async ({ url, kernel }) => {
		const byName = Object.fromEntries(kernel.extensions.list().map((record) => [record.name, record]));
		t.is(byName['@mantle/extension-server']!.status, 'loaded');
		t.is(byName['@mantle/extension-server']!.origin, 'first-party');
		t.is(byName.echo!.status, 'loaded');
		t.is(byName.echo!.version, '1.2.3');
		t.regex(byName['bad-manifest']!.error!, /"mantle:extension"\.type: must be one of/);
		t.is(byName['future-host']!.error, 'future-host requires Mantle ^9.0.0, but this is Mantle 0.1.0.');
		t.like(byName.sandboxed, { status: 'loaded', sandboxed: true, trusted: false });
		t.is(byName['throws-on-load']!.error, 'cannot reach the weather service');
		t.false('not-an-extension' in byName, 'a package without a manifest is not an extension');
		t.is((await fetch(`${url}/throws`)).status, 404, 'a failed extension leaves no route behind');
		t.is((await fetch(`${url}/echo/items/a`)).status, 200);
	});
});

test('a reload picks up a new extension and drops a removed one without a restart', async (t) => {
	await withExtensions([], async ({ url, kernel }) => {
		t.is((await fetch(`${url}/hello`)).status, 404);
		const folder = path.join(kernel.config.extensions.path, 'hello');
		mkdirSync(folder, { recursive: true });
		writeFileSync(
			path.join(folder, 'package.json'),
			JSON.stringify({ name: 'hello', type: 'module', 'mantle:extension': { type: 'endpoint', host: '^0.1.0', source: 'index.js' } }),
		);
		writeFileSync(
			path.join(folder, 'index.js'),
			`import { defineEndpoint } from '@mantle/extensions-sdk';\nexport default defineEndpoint({ id: 'hello', handler: (router) => router.get('/', ({ query }) => ({ body: { hi: query.name } })) });`,
		);
		await kernel.extensions.loadAll();
		t.deepEqual(await (await fetch(`${url}/hello?name=Ada`)).json(), { hi: 'Ada' });

		writeFileSync(path.join(folder, 'index.js'), `export default { id: 'hello', handler: (router) => router.get('/', () => ({ body: { hi: 'v2' } })) };`);
		await kernel.extensions.loadAll();
		t.deepEqual(await (await fetch(`${url}/hello`)).json(), { hi: 'v2' });
	});
});

test('two extensions claiming the same prefix: the second is refused, the first keeps answering', async (t) => {
	await withExtensions(['echo'], async ({ url, kernel }) => {
		const twin = path.join(kernel.config.extensions.path, 'z-echo-twin');
		cpSync(path.join(fixtures, 'echo'), twin, { recursive: true });
		writeFileSync(
			path.join(twin, 'package.json'),
			JSON.stringify({ name: 'z-echo-twin', type: 'module', 'mantle:extension': { type: 'endpoint', host: '^0.1.0', source: 'index.js' } }),
		);
		await kernel.extensions.loadAll();
		const twinRecord = kernel.extensions.list().find((record) => record.name === 'z-echo-twin');
		t.is(twinRecord?.status, 'failed');
		t.regex(twinRecord!.error!, /already answers under \/echo/);
		t.is((await fetch(`${url}/echo/items/x`)).status, 200);
	});
});

test('an extension folder that is a symlink (as `mantle-extension link` makes) is discovered', async (t) => {
	await withExtensions([], async ({ url, kernel }) => {
		mkdirSync(kernel.config.extensions.path, { recursive: true });
		symlinkSync(path.join(fixtures, 'echo'), path.join(kernel.config.extensions.path, 'echo'));
		await kernel.extensions.loadAll();
		t.is(kernel.extensions.list().find((record) => record.name === 'echo')?.status, 'loaded');
		t.is((await fetch(`${url}/echo/items/a`)).status, 200);
	});
});

test('/extensions lists extensions for admins; an admin disables and enables one, and the choice survives a reload', async (t) => {
	await withExtensions(['echo'], async ({ url }) => {
		const listed = await api(url, 'GET', '/extensions');
		t.is(listed.status, 200);
		const echo = listed.body.data.find((e: any) => e.name === 'echo');
		t.like(echo, { type: 'endpoint', origin: 'local', status: 'loaded', enabled: true, sandboxed: false, trusted: false, version: '1.2.3' });
		t.is(errorCode(await api(url, 'GET', '/extensions', undefined, null)), 'FORBIDDEN');

		const off = await api(url, 'PATCH', '/extensions/echo', { meta: { enabled: false } });
		t.like(off.body.data, { name: 'echo', status: 'disabled', enabled: false });
		t.is((await fetch(`${url}/echo/items/a`)).status, 404, 'a disabled endpoint is gone');
		t.is((await api(url, 'POST', '/extensions/reload')).status, 200);
		t.is((await fetch(`${url}/echo/items/a`)).status, 404, 'still off after a reload');

		t.like((await api(url, 'PATCH', '/extensions/echo', { meta: { enabled: true } })).body.data, { status: 'loaded', enabled: true });
		t.is((await fetch(`${url}/echo/items/a`)).status, 200);

		t.is(errorCode(await api(url, 'PATCH', '/extensions/@mantle%2Fextension-server', { meta: { enabled: false } })), 'INVALID_PAYLOAD');
		t.is(errorCode(await api(url, 'PATCH', '/extensions/echo', { meta: { enabled: 'nope' } })), 'INVALID_PAYLOAD');
		t.is(errorCode(await api(url, 'PATCH', '/extensions/echo', { meta: { enabled: false } }, null)), 'FORBIDDEN');
		t.is(errorCode(await api(url, 'POST', '/extensions/reload', undefined, null)), 'FORBIDDEN');
	});
});

test('a sandboxed extension runs in-process only once an admin marks it trusted, keeping its env scope', async (t) => {
	await withExtensions([], async ({ url, kernel }) => {
		const folder = path.join(kernel.config.extensions.path, 'where');
		mkdirSync(folder, { recursive: true });
		const requestedScopes = { log: {}, env: { keys: ['LOG_LEVEL'] } };
		writeFileSync(
			path.join(folder, 'package.json'),
			JSON.stringify({
				name: 'where',
				type: 'module',
				'mantle:extension': { type: 'endpoint', host: '^0.1.0', source: 'index.js', sandbox: { enabled: true, requestedScopes } },
			}),
		);
		// Inside the sandbox `process` does not exist; in-process it does: the answer tells where the code ran.
		writeFileSync(
			path.join(folder, 'index.js'),
			`import { defineEndpoint } from '@mantle/extensions-sdk';
export default defineEndpoint({ id: 'where', handler: (router, { env }) => {
	router.get('/', () => ({ status: 200, body: { inProcess: typeof process !== 'undefined', env } }));
} });`,
		);
		await kernel.extensions.loadAll();
		t.like(
			(await api(url, 'GET', '/extensions')).body.data.find((e: any) => e.name === 'where'),
			{ sandboxed: true, trusted: false },
		);
		t.deepEqual((await api(url, 'GET', '/where')).body, { inProcess: false, env: { LOG_LEVEL: 'info' } });

		const marked = await api(url, 'PATCH', '/extensions/where', { meta: { trusted: true } });
		t.like(marked.body.data, { status: 'loaded', sandboxed: false, trusted: true });
		t.deepEqual((await api(url, 'GET', '/where')).body, { inProcess: true, env: { LOG_LEVEL: 'info' } }, 'in-process, still only the requested env keys');

		t.like((await api(url, 'PATCH', '/extensions/where', { meta: { trusted: false } })).body.data, { sandboxed: true, trusted: false });
		t.is((await api(url, 'GET', '/where')).body.inProcess, false);
		t.is(errorCode(await api(url, 'PATCH', '/extensions/where', { meta: {} })), 'INVALID_PAYLOAD');
	});
});

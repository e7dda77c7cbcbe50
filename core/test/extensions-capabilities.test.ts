import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import test from 'ava';
import type { ExtensionContext } from '@mantle/extensions-sdk';
import { grantedCapabilities } from '../src/extensions/declared-capabilities.js';
import { createTestDatabase } from './helpers/databases.js';
import { startKernel } from './helpers/kernel.js';
import { api, errorCode } from './helpers/http.js';
import { buildExtension } from './helpers/extensions.js';

const offered = {
	items: (() => undefined) as unknown as ExtensionContext['items'],
	auth: {} as ExtensionContext['auth'],
	schema: {} as ExtensionContext['schema'],
};

test('a first-party extension receives exactly the capabilities its manifest declares', (t) => {
	t.deepEqual(Object.keys(grantedCapabilities('@mantle/extension-roles', true, ['items'], offered)), ['items']);
	t.is(grantedCapabilities('@mantle/extension-roles', true, ['items'], offered).items, offered.items);
	t.deepEqual(Object.keys(grantedCapabilities('@mantle/extension-users', true, ['auth', 'items'], offered)).sort(), ['auth', 'items']);
	t.deepEqual(grantedCapabilities('@mantle/extension-static', true, [], offered), {});
});

test('a declared capability the kernel does not offer refuses the load, naming it and what is offered', (t) => {
	t.throws(() => grantedCapabilities('@mantle/extension-mailer', true, ['items', 'mail'], offered), {
		name: 'ManifestError',
		message: '@mantle/extension-mailer needs the "mail" capability, which this kernel does not offer (it offers auth, items, schema).',
	});
	t.throws(() => grantedCapabilities('x', true, ['mail', 'flows'], offered), { message: /needs the "mail", "flows" capabilities/ });
});

test('an extension of another origin receives no kernel capability, and declaring one refuses it', (t) => {
	t.deepEqual(grantedCapabilities('acme-widgets', false, undefined, offered), {});
	t.throws(() => grantedCapabilities('acme-widgets', false, ['items'], offered), {
		message: "acme-widgets declares the kernel capabilities items, which only Mantle's own extensions receive.",
	});
});

test('a first-party manifest without the list receives no capability at all', (t) => {
	t.deepEqual(grantedCapabilities('@mantle/extension-undeclared', true, undefined, offered), {});
});

const extensionsRoot = fileURLToPath(new URL('../../extensions/', import.meta.url));
const sourcesOf = (folder: string): string[] =>
	readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
		const file = path.join(folder, entry.name);
		if (entry.isDirectory()) return sourcesOf(file);
		return /\.tsx?$/.test(entry.name) ? [file] : [];
	});

test('every first-party server extension declares its capabilities, and none guards one in code', (t) => {
	const undeclared: string[] = [];
	const guarded: string[] = [];
	for (const name of readdirSync(extensionsRoot)) {
		let manifest: { type?: string; capabilities?: string[] } | undefined;
		try {
			manifest = JSON.parse(readFileSync(path.join(extensionsRoot, name, 'package.json'), 'utf8'))['mantle:extension'];
		} catch {
			continue;
		}
		if (!manifest || !['endpoint', 'hook', 'operation'].includes(manifest.type ?? '')) continue;
		const sources = sourcesOf(path.join(extensionsRoot, name, 'src'));
		const uses = new Set(
			sources.flatMap((file) =>
				[...readFileSync(file, 'utf8').matchAll(/\b(items|schema|auth|files|graphql|server|flows|mail|scripts|hash|metrics|shares|extensions|request)\b/g)].map(
					(m) => m[1],
				),
			),
		);
		if (!manifest.capabilities && uses.has('items')) undeclared.push(name);
		for (const file of sources) {
			if (/throw createError\([^)]*needs the [^)]*capabilit/.test(readFileSync(file, 'utf8'))) guarded.push(path.relative(extensionsRoot, file));
		}
	}
	t.deepEqual(undeclared, [], 'an extension that reaches items declares it in its manifest');
	t.deepEqual(guarded, [], 'the host checks declared capabilities at load; no extension checks them again');
});

test('an in-process extension that declares no capabilities cannot reach items or the schema', async (t) => {
	const db = await createTestDatabase('sqlite');
	const running = await startKernel(db);
	try {
		const code = `import { defineEndpoint } from '@mantle/extensions-sdk';
export default defineEndpoint({ id: 'nosy', handler: (router, context) => {
	router.get('/reach', () => ({ body: { items: typeof context.items, schema: typeof context.schema } }));
	router.get('/users', async (req) => ({ body: await context.items('directus_users', { accountability: req.accountability }).readByQuery({}) }));
} });`;
		await buildExtension(running, 'nosy', 'endpoint', code, { enabled: false, requestedScopes: {} });
		await running.kernel.extensions.loadAll();
		const reach = await api(running.url, 'GET', '/nosy/reach');
		t.is(reach.status, 200);
		t.deepEqual(reach.body, { items: 'undefined', schema: 'undefined' });
		const users = await api(running.url, 'GET', '/nosy/users');
		t.is(users.status, 500, 'calling a capability it was not given fails inside the extension');
		t.is(errorCode(users), 'INTERNAL');
		t.false(JSON.stringify(users.body).includes('admin@example.com'));
	} finally {
		await running.stop();
		await db.drop();
	}
});

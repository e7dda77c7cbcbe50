import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import test from 'ava';
import type { ExtensionContext } from '@mantle/extensions-sdk';
import { grantedCapabilities } from '../src/extensions/declared-capabilities.js';

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

test('no first-party extension guards a capability in code that its manifest could declare instead', (t) => {
	const root = fileURLToPath(new URL('../../extensions/', import.meta.url));
	const guards = readdirSync(root).flatMap((name) => {
		const file = path.join(root, name, 'src', 'index.ts');
		let source: string;
		try {
			source = readFileSync(file, 'utf8');
		} catch {
			return [];
		}
		const manifest = JSON.parse(readFileSync(path.join(root, name, 'package.json'), 'utf8'))['mantle:extension'] ?? {};
		return /if \(![a-z]+( \|\| ![a-z]+)*\) throw createError\('INTERNAL', '[^']*needs the/.test(source) && manifest.capabilities ? [name] : [];
	});
	t.deepEqual(guards, [], 'an extension that declares its capabilities needs no guard');
});

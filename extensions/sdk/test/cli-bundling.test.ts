import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import test, { type ExecutionContext } from 'ava';
import { importedModules, runCli, scratch, succeeds } from './helpers.js';

/** A created endpoint whose source is replaced by `source`, with the given packages in node_modules. */
async function endpointWith(t: ExecutionContext, dir: string, source: string, packages: Record<string, string> = {}): Promise<string> {
	await succeeds(t, runCli(['create', 'endpoint', 'probe'], dir));
	const folder = path.join(dir, 'probe');
	writeFileSync(path.join(folder, 'src/index.ts'), source);
	for (const [name, code] of Object.entries(packages)) {
		mkdirSync(path.join(folder, 'node_modules', name), { recursive: true });
		writeFileSync(path.join(folder, 'node_modules', name, 'package.json'), JSON.stringify({ name, version: '1.0.0', main: 'index.js' }));
		writeFileSync(path.join(folder, 'node_modules', name, 'index.js'), code);
	}
	return folder;
}

test('an npm package the extension imports is bundled into the module', async (t) => {
	const { dir, remove } = scratch();
	try {
		const folder = await endpointWith(
			t,
			dir,
			`import shout from 'shout-it';\nimport { defineEndpoint } from '@mantle/extensions-sdk';\nexport default defineEndpoint({ id: 'probe', handler: (router) => router.get('/', () => ({ body: shout('hi') })) });\n`,
			{ 'shout-it': `module.exports = (text) => text.toUpperCase() + '!!';\n` },
		);
		const built = await runCli(['build'], folder);
		t.is(built.code, 0, built.stderr);
		const output = path.join(folder, 'dist/index.js');
		t.deepEqual(importedModules(output), ['@mantle/extensions-sdk']);
		t.true(readFileSync(output, 'utf8').includes(`text.toUpperCase() + "!!"`), 'the package code is inside');

		// Without node_modules the module must still work: load it with the SDK in place of the import.
		rmSync(path.join(folder, 'node_modules'), { recursive: true });
		const sdk = path.resolve('extensions/sdk/dist/index.js');
		const standalone = path.join(folder, 'dist/standalone.mjs');
		writeFileSync(standalone, readFileSync(output, 'utf8').replace('"@mantle/extensions-sdk"', JSON.stringify(`file://${sdk}`)));
		const definition = (await import(standalone)).default;
		let route: (() => { body: unknown }) | undefined;
		definition.handler({ get: (_path: string, handler: () => { body: unknown }) => (route = handler) });
		t.deepEqual(route!(), { body: 'HI!!' });
	} finally {
		remove();
	}
});

test('a Node built-in imported by the extension is refused, naming the module and the file, and nothing is written', async (t) => {
	const { dir, remove } = scratch();
	try {
		const folder = await endpointWith(
			t,
			dir,
			`import { readFileSync } from 'node:fs';\nimport { defineEndpoint } from '@mantle/extensions-sdk';\nexport default defineEndpoint({ id: 'probe', handler: (router) => router.get('/', () => ({ body: readFileSync('/etc/hostname', 'utf8') })) });\n`,
		);
		const built = await runCli(['build'], folder);
		t.is(built.code, 1);
		t.regex(
			built.stderr,
			/dist\/index\.js imports "node:fs" \(imported by src\/index\.ts\), but an endpoint extension may import only @mantle\/extensions-sdk/,
		);
		t.false(existsSync(path.join(folder, 'dist/index.js')));
	} finally {
		remove();
	}
});

test('a Node built-in required deep inside a bundled package is refused, naming the package file', async (t) => {
	const { dir, remove } = scratch();
	try {
		const folder = await endpointWith(
			t,
			dir,
			`import eol from 'line-end';\nimport { defineEndpoint } from '@mantle/extensions-sdk';\nexport default defineEndpoint({ id: 'probe', handler: (router) => router.get('/', () => ({ body: eol() })) });\n`,
			{
				'line-end': `module.exports = () => require('os').EOL;\n`,
			},
		);
		const built = await runCli(['build'], folder);
		t.is(built.code, 1);
		t.regex(built.stderr, /imports "os" \(imported by node_modules\/line-end\/index\.js\)/);
	} finally {
		remove();
	}
});

test('a package that is not installed fails the build with its name', async (t) => {
	const { dir, remove } = scratch();
	try {
		const folder = await endpointWith(t, dir, `import missing from 'not-installed-anywhere';\nexport default missing;\n`);
		const built = await runCli(['build'], folder);
		t.is(built.code, 1);
		t.regex(built.stderr, /src\/index\.ts:1:\d+: Could not resolve "not-installed-anywhere"/);
	} finally {
		remove();
	}
});

test('an app extension may not import anything the Studio does not provide', async (t) => {
	const { dir, remove } = scratch();
	try {
		await succeeds(t, runCli(['create', 'display', 'fancy'], dir));
		const folder = path.join(dir, 'fancy');
		writeFileSync(
			path.join(folder, 'src/index.ts'),
			`import { defineDisplay } from '@mantle/extensions-sdk';\nconst lib = await import('https://cdn.example.com/lib.js');\nexport default defineDisplay({ id: 'fancy', name: 'Fancy', icon: 'star', types: ['string'], component: () => lib });\n`,
		);
		const built = await runCli(['build'], folder);
		t.is(built.code, 1);
		t.regex(
			built.stderr,
			/imports "https:\/\/cdn\.example\.com\/lib\.js".*but the Studio provides only preact, preact\/hooks, preact\/jsx-runtime to a display extension/,
		);
	} finally {
		remove();
	}
});

import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import test from 'ava';
import { importedModules, readJson, runCli, scratch, succeeds } from './helpers.js';

for (const type of ['endpoint', 'hook', 'operation'] as const) {
	test(`create then build a ${type}: one ES module whose only import is the SDK`, async (t) => {
		const { dir, remove } = scratch();
		try {
			const created = await runCli(['create', type, `mantle-extension-greet-${type}`], dir);
			t.is(created.code, 0, created.stderr);
			const folder = path.join(dir, `greet-${type}`);
			const manifest = readJson(path.join(folder, 'package.json'))['mantle:extension'];
			t.deepEqual(manifest, { type, host: '^0.1', source: 'dist/index.js' }, 'host is ^<major.minor> of the SDK');
			t.true(existsSync(path.join(folder, 'README.md')));
			t.regex(readFileSync(path.join(folder, 'src/index.ts'), 'utf8'), new RegExp(`export default define${type[0]!.toUpperCase()}${type.slice(1)}\\b`));

			const built = await runCli(['build'], folder);
			t.is(built.code, 0, built.stderr);
			t.regex(built.stdout, /built dist\/index\.js/);
			t.deepEqual(importedModules(path.join(folder, 'dist/index.js')), ['@mantle/extensions-sdk']);
		} finally {
			remove();
		}
	});
}

test('create then build an interface: one browser module importing only what the Studio provides, the SDK bundled in', async (t) => {
	const { dir, remove } = scratch();
	try {
		await succeeds(t, runCli(['create', 'interface', '@acme/stars', '--dir', 'stars'], dir));
		const folder = path.join(dir, 'stars');
		const built = await runCli(['build'], folder);
		t.is(built.code, 0, built.stderr);
		const output = path.join(folder, 'dist/index.js');
		t.deepEqual(importedModules(output), ['preact']);
		t.regex(readFileSync(output, 'utf8'), /function defineInterface\(/, 'the SDK helper travels inside the module');
		t.true(statSync(output).size < 4096, 'the manifest validator (joi, semver) is left out of app code');
	} finally {
		remove();
	}
});

test('a bundle builds each of its entries to <source>/<name>.js', async (t) => {
	const { dir, remove } = scratch();
	try {
		await succeeds(t, runCli(['create', 'bundle', 'acme-tools'], dir));
		const folder = path.join(dir, 'acme-tools');
		const { entries } = readJson(path.join(folder, 'package.json'))['mantle:extension'];
		t.deepEqual(entries, [
			{ type: 'endpoint', name: 'acme-tools' },
			{ type: 'interface', name: 'acme-tools-input' },
		]);
		const built = await runCli(['build'], folder);
		t.is(built.code, 0, built.stderr);
		t.deepEqual(importedModules(path.join(folder, 'dist/acme-tools.js')), ['@mantle/extensions-sdk']);
		t.deepEqual(importedModules(path.join(folder, 'dist/acme-tools-input.js')), ['preact']);
		await succeeds(t, runCli(['validate'], folder));
	} finally {
		remove();
	}
});

test('create refuses an unknown type and a folder that is already in use', async (t) => {
	const { dir, remove } = scratch();
	try {
		const unknown = await runCli(['create', 'widget', 'w'], dir);
		t.is(unknown.code, 1);
		t.regex(unknown.stderr, /Unknown extension type "widget": use one of endpoint, hook/);

		await succeeds(t, runCli(['create', 'hook', 'twice'], dir));
		const again = await runCli(['create', 'endpoint', 'twice'], dir);
		t.is(again.code, 1);
		t.regex(again.stderr, /already exists and is not empty/);
		t.regex(readFileSync(path.join(dir, 'twice/src/index.ts'), 'utf8'), /defineHook/, 'the first package is untouched');
	} finally {
		remove();
	}
});

test('create --language js writes plain JavaScript that builds', async (t) => {
	const { dir, remove } = scratch();
	try {
		await succeeds(t, runCli(['create', 'operation', 'count-words', '--language', 'js'], dir));
		const folder = path.join(dir, 'count-words');
		t.false(readFileSync(path.join(folder, 'src/index.js'), 'utf8').includes('<{'), 'no type arguments in JavaScript');
		await succeeds(t, runCli(['build'], folder));
		t.deepEqual(importedModules(path.join(folder, 'dist/index.js')), ['@mantle/extensions-sdk']);
	} finally {
		remove();
	}
});

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import test, { type ExecutionContext } from 'ava';
import { readJson, runCli, scratch, succeeds } from './helpers.js';

async function builtEndpoint(t: ExecutionContext, dir: string): Promise<string> {
	await succeeds(t, runCli(['create', 'endpoint', 'checked'], dir));
	const folder = path.join(dir, 'checked');
	await succeeds(t, runCli(['build'], folder));
	return folder;
}

function editManifest(folder: string, edit: (manifest: Record<string, unknown>) => void): void {
	const file = path.join(folder, 'package.json');
	const packageJson = readJson(file);
	edit(packageJson['mantle:extension']);
	writeFileSync(file, JSON.stringify(packageJson, null, '\t'));
}

test('validate passes on a freshly built extension', async (t) => {
	const { dir, remove } = scratch();
	try {
		const result = await runCli(['validate'], await builtEndpoint(t, dir));
		t.is(result.code, 0, result.stderr);
		t.regex(result.stdout, /the extension is valid/);
	} finally {
		remove();
	}
});

test('validate names the bad key of a broken manifest', async (t) => {
	const { dir, remove } = scratch();
	try {
		const folder = await builtEndpoint(t, dir);
		editManifest(folder, (manifest) => (manifest.host = 'whenever'));
		const result = await runCli(['validate'], folder);
		t.is(result.code, 1);
		t.is(result.stderr.trim(), 'checked: invalid "mantle:extension".host: must be a semver range such as ^1.0.0.');

		editManifest(folder, (manifest) => {
			manifest.host = '^0.1';
			manifest.sandbox = { enabled: true, requestedScopes: { shell: {} } };
		});
		t.regex((await runCli(['validate'], folder)).stderr, /"mantle:extension"\.sandbox\.requestedScopes\.shell: is not allowed/);
	} finally {
		remove();
	}
});

test('validate reports a source that was never built', async (t) => {
	const { dir, remove } = scratch();
	try {
		await succeeds(t, runCli(['create', 'hook', 'unbuilt'], dir));
		const result = await runCli(['validate'], path.join(dir, 'unbuilt'));
		t.is(result.code, 1);
		t.regex(result.stderr, /dist\/index\.js does not exist: run `mantle-extension build` first/);
	} finally {
		remove();
	}
});

test('validate refuses a server module that imports more than the SDK, each problem on its own line', async (t) => {
	const { dir, remove } = scratch();
	try {
		const folder = await builtEndpoint(t, dir);
		writeFileSync(path.join(folder, 'dist/index.js'), `import fs from 'node:fs';\nimport knex from 'knex';\nexport default { id: 'checked', handler() {} };\n`);
		const result = await runCli(['validate'], folder);
		t.is(result.code, 1);
		const lines = result.stderr.trim().split('\n');
		t.is(lines.length, 2);
		t.regex(lines[0]!, /dist\/index\.js imports "node:fs"/);
		t.regex(lines[1]!, /dist\/index\.js imports "knex"/);
	} finally {
		remove();
	}
});

test('validate refuses an app extension that asks for a sandbox', async (t) => {
	const { dir, remove } = scratch();
	try {
		await succeeds(t, runCli(['create', 'panel', 'count'], dir));
		const folder = path.join(dir, 'count');
		editManifest(folder, (manifest) => (manifest.sandbox = { enabled: true }));
		const result = await runCli(['validate'], folder);
		t.is(result.code, 1);
		t.regex(result.stderr, /count: invalid "mantle:extension"\.sandbox: is not allowed: app extensions run in the Studio, never in a sandbox\./);
	} finally {
		remove();
	}
});

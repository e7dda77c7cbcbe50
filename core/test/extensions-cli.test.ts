import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { runCli } from './helpers/cli.js';
import { publishExtension, registryEnv, startRegistry } from './helpers/registry.js';

test('mantle extensions: search, install, list, outdated, update and remove against a real registry, for people and (--json) for scripts', async (t) => {
	t.timeout(300_000);
	const registry = await startRegistry();
	const folder = mkdtempSync(path.join(os.tmpdir(), 'mantle-ext-cli-'));
	const env = {
		...registryEnv(registry),
		DB_CLIENT: 'sqlite3',
		DB_FILENAME: path.join(folder, 'mantle.db'),
		EXTENSIONS_PATH: path.join(folder, 'extensions'),
		ADMIN_EMAIL: 'admin@example.com',
		ADMIN_PASSWORD: 'correct horse battery',
	};
	const mantle = async (...args: string[]) => {
		const result = await runCli(args, { cwd: folder, env });
		t.is(result.code, 0, `mantle ${args.join(' ')}: ${result.stderr}`);
		return result.stdout;
	};
	try {
		await publishExtension(registry, { name: 'mantle-extension-greet', version: '1.0.0', answer: 'one', requestedScopes: { log: {} } });
		await mantle('bootstrap');
		const found = JSON.parse(await mantle('extensions', 'search', 'greet', '--json'));
		t.deepEqual(
			found.map((item: { name: string }) => item.name),
			['mantle-extension-greet'],
		);
		t.regex(await mantle('extensions', 'install', 'mantle-extension-greet'), /installed mantle-extension-greet@1\.0\.0\n.*requests log/);
		t.true(existsSync(path.join(folder, 'extensions/mantle-extension-greet/dist/index.js')));
		t.like(JSON.parse(await mantle('extensions', 'list', '--json'))[0], { folder: 'mantle-extension-greet', version: '1.0.0', granted_scopes: null });
		t.deepEqual(JSON.parse(await mantle('extensions', 'outdated', '--json')), []);

		await publishExtension(registry, { name: 'mantle-extension-greet', version: '1.1.0', answer: 'two', requestedScopes: { log: {} } });
		t.deepEqual(JSON.parse(await mantle('extensions', 'outdated', '--json')), [{ name: 'mantle-extension-greet', current: '1.0.0', latest: '1.1.0' }]);
		t.regex(await mantle('extensions', 'update'), /mantle-extension-greet: 1\.0\.0 → 1\.1\.0/);
		t.regex(await mantle('extensions', 'remove', 'mantle-extension-greet'), /removed/);
		t.false(existsSync(path.join(folder, 'extensions/mantle-extension-greet')));
		const missing = await runCli(['extensions', 'install', 'mantle-extension-nothing'], { cwd: folder, env });
		t.is(missing.code, 1);
		t.regex(missing.stderr, /no such extension/);
	} finally {
		await registry.stop();
		rmSync(folder, { recursive: true, force: true });
	}
});

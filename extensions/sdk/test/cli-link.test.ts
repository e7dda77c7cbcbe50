import { existsSync, lstatSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import test from 'ava';
import { createTestDatabase } from '../../../core/test/helpers/databases.js';
import { startKernel } from '../../../core/test/helpers/kernel.js';
import { runCli, scratch, succeeds } from './helpers.js';

test('an endpoint created, built and linked with the CLI answers over HTTP after a reload, and follows rebuilds', async (t) => {
	const { dir, remove } = scratch();
	const db = await createTestDatabase('sqlite');
	const running = await startKernel(db);
	try {
		await succeeds(t, runCli(['create', 'endpoint', '@acme/mantle-extension-greet'], dir));
		const folder = path.join(dir, 'greet');
		await succeeds(t, runCli(['build'], folder));

		const extensionsPath = running.kernel.config.extensions.path;
		const linked = await runCli(['link', extensionsPath], folder);
		t.is(linked.code, 0, linked.stderr);
		t.true(lstatSync(path.join(extensionsPath, '@acme/mantle-extension-greet/package.json')).isSymbolicLink());

		await running.kernel.extensions.loadAll();
		const record = running.kernel.extensions.list().find((each) => each.name === '@acme/mantle-extension-greet');
		t.is(record?.status, 'loaded', record?.error);
		const response = await fetch(`${running.url}/greet?name=Ada`);
		t.is(response.status, 200);
		t.deepEqual(await response.json(), { hello: 'Ada' });

		writeFileSync(
			path.join(folder, 'src/index.ts'),
			`import { defineEndpoint } from '@mantle/extensions-sdk';\nexport default defineEndpoint({ id: 'greet', handler: (router) => router.get('/', () => ({ body: { hello: 'again' } })) });\n`,
		);
		await succeeds(t, runCli(['build'], folder));
		await running.kernel.extensions.loadAll();
		t.deepEqual(await (await fetch(`${running.url}/greet`)).json(), { hello: 'again' }, 'a linked extension picks up a rebuild on reload');
	} finally {
		await running.stop();
		await db.drop();
		remove();
	}
});

test('link --copy puts a standalone copy in place, and link refuses what is not built', async (t) => {
	const { dir, remove } = scratch();
	try {
		await succeeds(t, runCli(['create', 'hook', 'audit'], dir));
		const folder = path.join(dir, 'audit');
		const instance = path.join(dir, 'instance-extensions');

		const early = await runCli(['link', instance], folder);
		t.is(early.code, 1);
		t.regex(early.stderr, /is not ready to link:\ndist\/index\.js does not exist/);
		t.false(existsSync(path.join(instance, 'audit')));

		await succeeds(t, runCli(['build'], folder));
		await succeeds(t, runCli(['link', instance, '--copy'], folder));
		t.false(lstatSync(path.join(instance, 'audit/dist/index.js')).isSymbolicLink());
		t.false(existsSync(path.join(instance, 'audit/node_modules')));

		const again = await runCli(['link', instance], folder);
		t.is(again.code, 1, 'a real folder is not replaced silently');
		t.regex(again.stderr, /already exists: pass --force to replace it/);
		await succeeds(t, runCli(['link', instance, '--force'], folder));
		t.true(lstatSync(path.join(instance, 'audit/package.json')).isSymbolicLink());
		t.is((await runCli(['link', instance], folder)).code, 0, 'a link made by link is replaced freely');
	} finally {
		remove();
	}
});

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import test from 'ava';
import { verifyManifestSignature } from '@mantle/extensions-sdk/package';
import { npmUser, run, startRegistry } from './helpers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sdkCli = path.join(root, 'extensions/sdk/dist/cli/main.js');

test('an extension made outside the repository installs its SDK from the registry, builds, and is published, viewed, tagged, deprecated and installed with the real npm CLI', async (t) => {
	t.timeout(600_000);
	const running = await startRegistry();
	const token = await running.registry.publishers.issueToken(await running.registry.publishers.ensure('ada'));
	const user = npmUser(running.url, token);
	const npm = (args: string[], cwd = user.home) => user.npm([...args, '--registry', `${running.url}/`], cwd);
	try {
		const created = await run(process.execPath, [sdkCli, 'create', 'endpoint', 'mantle-extension-greet'], { cwd: user.home, env: user.env });
		t.is(created.code, 0, created.stderr);
		const folder = path.join(user.home, 'greet');

		// The SDK comes from the registry (as @mantle is scoped to it), its own dependencies from npm's.
		const installed = await user.npm(['install', '--no-audit', '--no-fund', '--prefer-offline'], folder);
		t.is(installed.code, 0, installed.stderr);
		const sdkLock = JSON.parse(readFileSync(path.join(folder, 'package-lock.json'), 'utf8')).packages['node_modules/@mantle/extensions-sdk'];
		t.true(String(sdkLock.resolved).startsWith(running.url), `the SDK came from ${sdkLock.resolved}`);
		const built = await user.npm(['run', 'build'], folder);
		t.is(built.code, 0, built.stdout + built.stderr);
		t.true(existsSync(path.join(folder, 'dist/index.js')));

		t.is((await npm(['whoami'])).stdout.trim(), 'ada');
		const published = await npm(['publish'], folder);
		t.is(published.code, 0, published.stderr);
		const viewed = JSON.parse((await npm(['view', 'mantle-extension-greet', '--json'])).stdout);
		t.is(viewed.version, '0.1.0');
		t.is(viewed['mantle:extension'].type, 'endpoint');
		t.regex(viewed.dist.integrity, /^sha512-/);

		// The registry's signature covers every file of the tarball and verifies with its published key.
		const keys = (await (await fetch(`${running.url}/-/npm/v1/keys`)).json()) as { keys: Array<{ keyid: string; key: string }> };
		const document = (await (await fetch(`${running.url}/mantle-extension-greet`)).json()) as { versions: Record<string, { dist: Record<string, any> }> };
		const dist = document.versions['0.1.0']!.dist;
		const key = keys.keys.find((candidate) => candidate.keyid === dist['mantle:signature'].keyid)!;
		t.true(
			verifyManifestSignature(
				{ name: 'mantle-extension-greet', version: '0.1.0', integrity: dist.integrity, files: dist['mantle:files'] },
				dist['mantle:signature'].sig,
				key.key,
			),
		);
		t.truthy(dist['mantle:files']['dist/index.js']);

		// A second version, a tag, a deprecation.
		const manifestFile = path.join(folder, 'package.json');
		writeFileSync(manifestFile, JSON.stringify({ ...JSON.parse(readFileSync(manifestFile, 'utf8')), version: '0.2.0' }, null, '\t'));
		t.is((await npm(['publish', '--tag', 'next'], folder)).code, 0);
		const tagged = await npm(['dist-tag', 'add', 'mantle-extension-greet@0.2.0', 'stable']);
		t.is(tagged.code, 0, tagged.stderr);
		const tags = (await npm(['dist-tag', 'ls', 'mantle-extension-greet'])).stdout;
		t.regex(tags, /latest: 0\.1\.0/);
		t.regex(tags, /next: 0\.2\.0/);
		t.regex(tags, /stable: 0\.2\.0/);
		const deprecated = await npm(['deprecate', 'mantle-extension-greet@0.1.0', 'use 0.2.0']);
		t.is(deprecated.code, 0, deprecated.stderr);
		t.is(JSON.parse((await npm(['view', 'mantle-extension-greet@0.1.0', 'deprecated', '--json'])).stdout), 'use 0.2.0');

		// Someone else installs it into a project of their own.
		const project = path.join(user.home, 'project');
		mkdirSync(project);
		writeFileSync(path.join(project, 'package.json'), '{ "name": "project", "version": "1.0.0", "private": true }');
		const added = await npm(
			['install', 'mantle-extension-greet@next', '--no-audit', '--no-fund', '--ignore-scripts', '--omit=dev', '--prefer-offline'],
			project,
		);
		t.is(added.code, 0, added.stderr);
		const file = readFileSync(path.join(project, 'node_modules/mantle-extension-greet/dist/index.js'));
		t.is(
			createHash('sha256').update(file).digest('hex'),
			((await (await fetch(`${running.url}/mantle-extension-greet`)).json()) as any).versions['0.2.0'].dist['mantle:files']['dist/index.js'],
		);

		const found = JSON.parse((await npm(['search', 'greet', '--json'])).stdout) as Array<{ name: string }>;
		t.true(found.some((entry) => entry.name === 'mantle-extension-greet'));
		const unpublished = await npm(['unpublish', 'mantle-extension-greet@0.2.0']);
		t.is(unpublished.code, 0, unpublished.stderr);
		t.deepEqual([JSON.parse((await npm(['view', 'mantle-extension-greet', 'versions', '--json'])).stdout)].flat(), ['0.1.0']);
	} finally {
		user.cleanUp();
		await running.stop();
	}
});

test('the registry refuses what is not a valid extension, publishing over another publisher or a version, and anonymous writes, saying why', async (t) => {
	const running = await startRegistry();
	const { publishers } = running.registry;
	const ada = await publishers.issueToken(await publishers.ensure('ada'));
	const bob = await publishers.issueToken(await publishers.ensure('bob'));
	const user = npmUser(running.url, ada);
	const npm = (args: string[], cwd: string, token = ada) =>
		run('npm', [...args, '--registry', `${running.url}/`, `--//${new URL(running.url).host}/:_authToken=${token}`], { cwd, env: user.env });
	const make = (name: string, version: string, manifest: unknown, files: Record<string, string> = { 'dist/index.js': 'export default {};' }) => {
		const folder = path.join(user.home, `${name}-${version}`);
		mkdirSync(path.join(folder, 'dist'), { recursive: true });
		writeFileSync(
			path.join(folder, 'package.json'),
			JSON.stringify({ name, version, type: 'module', ...(manifest === undefined ? {} : { 'mantle:extension': manifest }) }),
		);
		for (const [file, text] of Object.entries(files)) writeFileSync(path.join(folder, file), text);
		return folder;
	};
	try {
		const plain = await npm(['publish'], make('left-pad-again', '1.0.0', undefined), ada);
		t.not(plain.code, 0);
		t.regex(plain.stderr, /no "mantle:extension" block/);
		const badType = await npm(['publish'], make('mantle-extension-bad', '1.0.0', { type: 'widget', host: '^0.1.0', source: 'dist/index.js' }), ada);
		t.regex(badType.stderr, /type/);
		const unbuilt = await npm(['publish'], make('mantle-extension-unbuilt', '1.0.0', { type: 'endpoint', host: '^0.1.0', source: 'dist/main.js' }), ada);
		t.regex(unbuilt.stderr, /dist\/main\.js" is not in the package/);

		const good = { type: 'endpoint', host: '^0.1.0', source: 'dist/index.js' };
		t.is((await npm(['publish'], make('mantle-extension-good', '1.0.0', good), ada)).code, 0);
		const stolen = await npm(['publish'], make('mantle-extension-good', '1.0.1', good), bob);
		t.regex(stolen.stderr, /not a maintainer/);
		const again = await npm(['publish'], make('mantle-extension-good', '1.0.0', good), ada);
		t.regex(again.stderr, /cannot publish over/);
		const anonymous = await fetch(`${running.url}/-/package/mantle-extension-good/dist-tags/evil`, {
			method: 'PUT',
			headers: { 'content-type': 'application/json' },
			body: '"1.0.0"',
		});
		t.is(anonymous.status, 401);

		// A version another package depends on stays.
		t.is((await npm(['publish'], make('mantle-extension-user', '1.0.0', good), ada)).code, 0);
		const dependent = make('mantle-extension-dependent', '1.0.0', good);
		writeFileSync(
			path.join(dependent, 'package.json'),
			JSON.stringify({ name: 'mantle-extension-dependent', version: '1.0.0', dependencies: { 'mantle-extension-user': '^1.0.0' }, 'mantle:extension': good }),
		);
		t.is((await npm(['publish'], dependent, ada)).code, 0);
		// npm asks for --force to remove a package's only version; the registry still refuses.
		const refused = await npm(['unpublish', 'mantle-extension-user@1.0.0', '--force'], user.home, ada);
		t.regex(refused.stderr, /mantle-extension-dependent@1\.0\.0 depends on it/);

		const page = (await (await fetch(`${running.url}/-/mantle/extensions/mantle-extension-good`)).json()) as { data: Record<string, any> };
		t.like(page.data, { name: 'mantle-extension-good', type: 'endpoint', publisher: { name: 'ada', verified: false } });
		const listing = (await (await fetch(`${running.url}/-/mantle/extensions?type=endpoint&host=0.1.5&sort=name`)).json()) as { data: Array<{ name: string }> };
		t.deepEqual(
			listing.data.map((item) => item.name),
			['mantle-extension-dependent', 'mantle-extension-good', 'mantle-extension-user'],
		);
		t.deepEqual(
			((await (await fetch(`${running.url}/-/mantle/extensions?host=2.0.0`)).json()) as { data: unknown[] }).data,
			[],
			'nothing for an incompatible host',
		);
	} finally {
		user.cleanUp();
		await running.stop();
	}
});

import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { create } from 'tar';
import type { Registry } from './server.js';
import { publishVersion } from './packages/publish.js';
import { systemPublisher } from './publishers.js';
import { createHash } from 'node:crypto';

/** Mantle's own public packages, so an extension author outside this repository can install the SDK. */
export const publicPackages = ['@mantle/extensions-sdk', '@mantle/sdk'];

/** What of a workspace goes into its package: what runs, its types, its command-line entries. */
const included = ['dist', 'src', 'bin', 'README.md', 'LICENSE'];

/**
 * Packs a workspace as `npm pack` would (a `package/` folder, gzip'd), with a package.json fit for
 * publishing: not private, no scripts or devDependencies.
 */
export async function packWorkspace(folder: string): Promise<{ name: string; version: string; tarball: Buffer; packageJson: Record<string, unknown> }> {
	const packageJson = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as Record<string, unknown>;
	const { private: _private, scripts: _scripts, devDependencies: _dev, ...published } = packageJson;
	const staging = mkdtempSync(path.join(os.tmpdir(), 'mantle-pack-'));
	try {
		const target = path.join(staging, 'package');
		for (const entry of included) {
			const source = path.join(folder, entry);
			if (existsSync(source))
				cpSync(source, path.join(target, entry), { recursive: true, filter: (file) => !file.includes(`${path.sep}test${path.sep}`) && !file.endsWith('.map') });
		}
		writeFileSync(path.join(target, 'package.json'), `${JSON.stringify(published, null, 2)}\n`);
		const chunks: Buffer[] = [];
		const stream = create({ gzip: true, cwd: staging, portable: true, noMtime: true }, ['package']);
		for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
		return { name: String(published.name), version: String(published.version), tarball: Buffer.concat(chunks), packageJson: published };
	} finally {
		rmSync(staging, { recursive: true, force: true });
	}
}

/** Publishes each public package's current version unless the registry has it already. */
export async function publishOwnPackages(registry: Registry, log: (line: string) => void = () => undefined): Promise<void> {
	const publisher = await registry.publishers.ensure(systemPublisher, true);
	const require = createRequire(import.meta.url);
	for (const name of publicPackages) {
		let folder: string;
		try {
			folder = path.dirname(require.resolve(`${name}/package.json`));
		} catch {
			log(`${name} is not installed beside the registry; not published`);
			continue;
		}
		const packed = await packWorkspace(folder);
		if (await registry.knex('registry_versions').where({ name: packed.name, version: packed.version }).first('version')) continue;
		const integrity = `sha512-${createHash('sha512').update(packed.tarball).digest('base64')}`;
		await publishVersion(
			{ knex: registry.knex, store: registry.store, keys: registry.keys },
			packed.name,
			{
				name: packed.name,
				versions: { [packed.version]: { ...packed.packageJson, dist: { integrity } } },
				'dist-tags': { latest: packed.version },
				_attachments: { [`${packed.name}-${packed.version}.tgz`]: { data: packed.tarball.toString('base64'), length: packed.tarball.length } },
			},
			publisher,
		);
		log(`published ${packed.name}@${packed.version}`);
	}
}

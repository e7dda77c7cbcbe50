import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { publishVersion } from '../../../registry/src/packages/publish.js';
import { packWorkspace } from '../../../registry/src/seed.js';
import { systemPublisher } from '../../../registry/src/publishers.js';
import type { RunningRegistry } from '../../../registry/test/helpers.js';
import { repositoryRoot, runNode } from './cli.js';

export { startRegistry } from '../../../registry/test/helpers.js';

const sdkCli = path.join(repositoryRoot, 'extensions/sdk/dist/cli/main.js');

export interface ExtensionSpec {
	name: string;
	version: string;
	/** The endpoint's answer to `GET /<id>/`. */
	answer: string;
	requestedScopes?: Record<string, unknown>;
	host?: string;
	type?: string;
	/** Extra bytes of code, for size measurements. */
	padding?: number;
	/** Publish as Mantle's own publisher, which the registry lets publish anything (to test the kernel's own checks). */
	asSystem?: boolean;
}

/** Builds a sandboxed endpoint extension with the SDK CLI, packs it as npm would and publishes it. */
export async function publishExtension(running: RunningRegistry, spec: ExtensionSpec, publisher = 'ada'): Promise<void> {
	const folder = mkdtempSync(path.join(os.tmpdir(), 'mantle-ext-src-'));
	try {
		const id = spec.name.replace(/^mantle-extension-/, '');
		const manifest = {
			type: spec.type ?? 'endpoint',
			host: spec.host ?? '^0.1.0',
			source: 'dist/index.js',
			sandbox: { enabled: true, requestedScopes: spec.requestedScopes ?? {} },
		};
		mkdirSync(path.join(folder, 'src'));
		writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ name: spec.name, version: spec.version, type: 'module', 'mantle:extension': manifest }));
		const padding = spec.padding ? `\n// ${randomBytes(spec.padding).toString('base64')}\n` : '';
		writeFileSync(
			path.join(folder, 'src/index.js'),
			`import { defineEndpoint } from '@mantle/extensions-sdk';${padding}
export default defineEndpoint({ id: '${id}', handler: (router) => { router.get('/', () => ({ body: { answer: '${spec.answer}' } })); } });`,
		);
		if ((spec.type ?? 'endpoint') === 'endpoint') {
			const built = await runNode(sdkCli, ['build'], { cwd: folder, env: { PATH: process.env.PATH, HOME: process.env.HOME } });
			if (built.code !== 0) throw new Error(`mantle-extension build failed:\n${built.stdout}${built.stderr}`);
		} else {
			mkdirSync(path.join(folder, 'dist'));
			writeFileSync(path.join(folder, 'dist/index.js'), 'export default {};');
		}
		const packed = await packWorkspace(folder);
		const integrity = `sha512-${createHash('sha512').update(packed.tarball).digest('base64')}`;
		const owner = await running.registry.publishers.ensure(spec.asSystem ? systemPublisher : publisher);
		await publishVersion(
			{ knex: running.registry.knex, store: running.registry.store, keys: running.registry.keys },
			spec.name,
			{
				name: spec.name,
				versions: { [spec.version]: { ...packed.packageJson, dist: { integrity } } },
				'dist-tags': { latest: spec.version },
				_attachments: { [`${spec.name}-${spec.version}.tgz`]: { data: packed.tarball.toString('base64'), length: packed.tarball.length } },
			},
			owner,
		);
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
}

/** What a kernel needs to install from this registry, trusting its current keys. */
export function registryEnv(running: RunningRegistry): Record<string, string> {
	return {
		EXTENSIONS_REGISTRY: running.url,
		EXTENSIONS_REGISTRY_KEYS: running.registry.keys
			.list()
			.map((key) => key.publicKey)
			.join(','),
	};
}

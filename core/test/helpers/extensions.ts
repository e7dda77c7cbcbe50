import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RunningKernel } from './kernel.js';
import { repositoryRoot, runNode } from './cli.js';

const sdkCli = path.join(repositoryRoot, 'extensions/sdk/dist/cli/main.js');

/**
 * Writes one extension's source into the kernel's EXTENSIONS_PATH and builds it with the SDK's
 * `mantle-extension build`, as an author would. `sandbox` is the manifest's sandbox block, if any.
 */
export async function buildExtension(
	running: RunningKernel,
	name: string,
	type: 'endpoint' | 'hook' | 'operation',
	code: string,
	sandbox?: Record<string, unknown>,
): Promise<void> {
	const folder = path.join(running.kernel.config.extensions.path, name);
	mkdirSync(path.join(folder, 'src'), { recursive: true });
	const manifest = { type, host: '^0.1.0', source: 'dist/index.js', ...(sandbox ? { sandbox } : {}) };
	writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ name, type: 'module', 'mantle:extension': manifest }));
	writeFileSync(path.join(folder, 'src/index.js'), code);
	const built = await runNode(sdkCli, ['build'], { cwd: folder, env: { PATH: process.env.PATH, HOME: process.env.HOME } });
	if (built.code !== 0) throw new Error(`mantle-extension build failed for ${name}:\n${built.stdout}${built.stderr}`);
}

/** Polls until `condition` holds or `ms` pass; answers whether it held (for action hooks and schedules, which run later). */
export { eventually as until } from './wait.js';

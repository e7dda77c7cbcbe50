import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadRegistryConfig } from '../src/config.js';
import { createRegistry, type Registry } from '../src/server.js';
import { publishOwnPackages } from '../src/seed.js';
import { runCommand } from '../../core/test/helpers/cli.js';

export interface RunningRegistry {
	registry: Registry;
	url: string;
	dataDir: string;
	stop(): Promise<void>;
}

/** A registry on a free loopback port with its own data folder, holding Mantle's public packages. */
export async function startRegistry(env: Record<string, string> = {}): Promise<RunningRegistry> {
	const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mantle-registry-'));
	const config = loadRegistryConfig({ REGISTRY_PORT: '0', REGISTRY_HOST: '127.0.0.1', REGISTRY_DATA: dataDir, ...env });
	const registry = await createRegistry(config);
	await registry.start();
	await publishOwnPackages(registry);
	return {
		registry,
		url: registry.url,
		dataDir,
		async stop() {
			await registry.stop();
			rmSync(dataDir, { recursive: true, force: true });
		},
	};
}

/** Runs a command with exactly this environment (no developer .npmrc leaks in) and collects its output. */
export const run = runCommand;

/**
 * An npm user of the registry: a home of their own with an .npmrc that sends `@mantle/*` and
 * their own packages to the registry (with their token), the rest to the public registry; npm's
 * download cache is shared with the machine's, so installs with --prefer-offline need no network
 * for packages the machine already has.
 */
export function npmUser(registryUrl: string, token: string) {
	const home = mkdtempSync(path.join(os.tmpdir(), 'mantle-npm-user-'));
	const host = new URL(registryUrl).host;
	const userconfig = path.join(home, '.npmrc');
	writeFileSync(userconfig, `@mantle:registry=${registryUrl}/\n//${host}/:_authToken=${token}\naudit=false\nfund=false\nupdate-notifier=false\n`);
	const env = {
		PATH: process.env.PATH ?? '',
		HOME: home,
		npm_config_userconfig: userconfig,
		npm_config_cache: path.join(os.homedir(), '.npm'),
	};
	return {
		home,
		env,
		npm: (args: string[], cwd: string) => runCommand('npm', args, { cwd, env }),
		cleanUp: () => rmSync(home, { recursive: true, force: true }),
	};
}

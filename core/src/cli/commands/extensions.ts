import type { Command } from 'commander';
import semver from 'semver';
import { InvalidationBus } from '../../cache/invalidation-bus.js';
import { createLogger } from '../../logger.js';
import { kernelVersion } from '../../version.js';
import { RegistryInstaller, resolveVersion } from '../../extensions/install/installer.js';
import { CommandError, withDatabase } from '../context.js';

interface Output {
	json?: boolean;
}

/** A one-line bar on stderr: the download of one package. */
function progressBar(enabled: boolean) {
	return (name: string, received: number, total: number | undefined) => {
		if (!enabled) return;
		const width = 30;
		const share = total ? Math.min(1, received / total) : 0;
		const bar = total ? `[${'='.repeat(Math.round(share * width)).padEnd(width)}] ${Math.round(share * 100)}%` : '';
		process.stderr.write(`\r${name} ${bar} ${(received / 1024).toFixed(0)} KiB`);
		if (total && received >= total) process.stderr.write('\n');
	};
}

function print(options: Output, value: unknown, lines: () => string[]): void {
	if (options.json) console.log(JSON.stringify(value, null, 2));
	else for (const line of lines()) console.log(line);
}

/**
 * Runs with an installer on the configured database and registry. The running servers hear of
 * the change through Redis when it is configured; without it, they pick it up at their next
 * `POST /extensions/reload` or restart.
 */
async function withInstaller<T>(options: Output, run: (installer: RegistryInstaller) => Promise<T>): Promise<T> {
	return withDatabase(async ({ knex }, config) => {
		if (!config.registry.url) throw new CommandError('No registry is configured: set EXTENSIONS_REGISTRY (and EXTENSIONS_REGISTRY_KEYS).');
		const logger = createLogger('warn');
		let bus: InvalidationBus | undefined;
		let redis: import('ioredis').Redis | undefined;
		if (config.redis) {
			const { Redis } = await import('ioredis');
			redis = new Redis(config.redis, { maxRetriesPerRequest: 1 });
			bus = new InvalidationBus(redis, logger);
		}
		try {
			const installer = new RegistryInstaller({
				config: { ...config.registry, url: config.registry.url },
				extensionsPath: config.extensions.path,
				knex,
				kernelVersion,
				logger,
				reload: async () => undefined,
				announce: bus ? () => bus!.publish('extensions') : undefined,
				onProgress: progressBar(!options.json && process.stderr.isTTY === true),
			});
			return await run(installer);
		} finally {
			await redis?.quit().catch(() => redis?.disconnect());
		}
	});
}

export function registerExtensions(program: Command): void {
	const extensions = program.command('extensions').description('find, install, update and remove extensions from the configured registry');
	extensions
		.command('search [text]')
		.description('search the registry for extensions that fit this kernel')
		.option('--type <type>', 'only this extension type')
		.option('--sandboxed', 'only extensions that run in the sandbox')
		.option('--json', 'print JSON')
		.action((text: string | undefined, options: Output & { type?: string; sandboxed?: boolean }) =>
			withInstaller(options, async (installer) => {
				const params = new URLSearchParams({
					host: kernelVersion,
					...(text ? { search: text } : {}),
					...(options.type ? { type: options.type } : {}),
					...(options.sandboxed ? { sandboxed: 'true' } : {}),
				});
				const { data } = await installer.client.json<{
					data: Array<{ name: string; version: string; type: string; description: string | null; publisher: { name: string; verified: boolean } }>;
				}>(`/-/mantle/extensions?${params}`);
				print(options, data, () =>
					data.length === 0
						? ['no extension found']
						: data.map(
								(item) =>
									`${item.name}@${item.version}  ${item.type}  ${item.publisher.name}${item.publisher.verified ? ' (verified)' : ''}  ${item.description ?? ''}`,
							),
				);
			}),
		);
	extensions
		.command('install <name> [version]')
		.description('install (or update, or downgrade to) a version, range or tag; default latest')
		.option('--json', 'print JSON')
		.action((name: string, version: string | undefined, options: Output) =>
			withInstaller(options, async (installer) => {
				const result = await installer.install(name, version ?? 'latest');
				const waits = Object.keys(result.requestedScopes).length > 0 && !(await installer.row(name))?.granted_scopes;
				print(options, { name, ...result, awaitingGrant: waits }, () => [
					`installed ${name}@${result.version}`,
					...(waits
						? [`it requests ${Object.keys(result.requestedScopes).join(', ')}: an admin grants them with POST /extensions/registry/grant before it runs`]
						: []),
				]);
			}),
		);
	extensions
		.command('update [name]')
		.description('update one or every registry extension to its latest version')
		.option('--json', 'print JSON')
		.action((name: string | undefined, options: Output) =>
			withInstaller(options, async (installer) => {
				const rows: Array<{ folder: string; version: string | null }> = await installedRows(installer, name);
				const updated: Array<{ name: string; from: string | null; to: string }> = [];
				for (const row of rows) {
					const latest = resolveVersion(await installer.client.packument(row.folder), 'latest');
					if (latest === row.version) continue;
					await installer.install(row.folder, latest);
					updated.push({ name: row.folder, from: row.version, to: latest });
				}
				print(options, updated, () => (updated.length === 0 ? ['everything is up to date'] : updated.map((item) => `${item.name}: ${item.from} → ${item.to}`)));
			}),
		);
	extensions
		.command('outdated')
		.description('list registry extensions with a newer version')
		.option('--json', 'print JSON')
		.action((options: Output) =>
			withInstaller(options, async (installer) => {
				const outdated: Array<{ name: string; current: string | null; latest: string }> = [];
				for (const row of await installedRows(installer)) {
					const latest = resolveVersion(await installer.client.packument(row.folder), 'latest');
					if (row.version && semver.lt(row.version, latest)) outdated.push({ name: row.folder, current: row.version, latest });
				}
				print(options, outdated, () =>
					outdated.length === 0 ? ['everything is up to date'] : outdated.map((item) => `${item.name}  ${item.current} → ${item.latest}`),
				);
			}),
		);
	extensions
		.command('list')
		.description('list the extensions installed from the registry')
		.option('--json', 'print JSON')
		.action((options: Output) =>
			withInstaller(options, async (installer) => {
				const rows = await installedRows(installer);
				print(options, rows, () =>
					rows.length === 0
						? ['no extension is installed from the registry']
						: rows.map((row) => `${row.folder}@${row.version}${row.granted_scopes === null ? '  (awaiting a grant)' : ''}`),
				);
			}),
		);
	extensions
		.command('remove <name>')
		.description('uninstall an extension installed from the registry: its files and its row')
		.option('--json', 'print JSON')
		.action((name: string, options: Output) =>
			withInstaller(options, async (installer) => {
				await installer.uninstall(name);
				print(options, { removed: name }, () => [`removed ${name}`]);
			}),
		);
}

async function installedRows(installer: RegistryInstaller, name?: string): Promise<Array<{ folder: string; version: string | null; granted_scopes: unknown }>> {
	const rows = await installer.rows();
	const chosen = name ? rows.filter((row) => row.folder === name) : rows;
	if (name && chosen.length === 0) throw new CommandError(`${name} was not installed from the registry.`);
	return chosen;
}

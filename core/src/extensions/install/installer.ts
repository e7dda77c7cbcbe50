import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import semver from 'semver';
import type { RegistryClientConfig } from '../../config/registry.js';
import { isPackageName } from '@mantle/extensions-sdk/package';
import { createError } from '../../errors/index.js';
import { RegistryClient, type Packument, type VersionDocument } from './client.js';
import { extensionFolder, placePackage, registryFolders, removePackage } from './place.js';
import { covers, parseScopes } from './scopes.js';
import { verifyPackage } from './verify.js';

export interface InstallerOptions {
	config: RegistryClientConfig & { url: string };
	extensionsPath: string;
	knex: Knex;
	kernelVersion: string;
	logger: Logger;
	/** Loads the extensions afresh (after files changed). */
	reload: () => Promise<void>;
	/** Tells the other instances to sync (absent without Redis). */
	announce?: () => void;
	/** Download progress of a tarball, for the command line's progress bar. */
	onProgress?: (name: string, received: number, total: number | undefined) => void;
}

interface RegistryRow {
	id: string;
	folder: string;
	version: string | null;
	granted_scopes: unknown;
}

/**
 * Installs, updates, downgrades and removes extensions from the configured registry. Every
 * package is verified before it is unpacked, swapped in atomically, recorded in
 * `mantle_extensions` (with the scopes an admin granted), and loaded without a restart; other
 * instances sharing Redis fetch and verify the same version when told to `sync()`.
 */
export class RegistryInstaller {
	readonly client: RegistryClient;
	private queue: Promise<unknown> = Promise.resolve();

	constructor(private readonly options: InstallerOptions) {
		this.client = new RegistryClient(options.config);
	}

	/** One change at a time: two installs racing on one folder would leave either. */
	private serial<T>(work: () => Promise<T>): Promise<T> {
		const run = this.queue.then(work, work);
		this.queue = run.catch(() => undefined);
		return run;
	}

	install(name: string, wanted = 'latest'): Promise<{ version: string; requestedScopes: Record<string, unknown> }> {
		// "../x" would fetch the registry's "x" yet be recorded under a folder outside the extensions.
		if (!isPackageName(name)) return Promise.reject(createError('packageNameInvalid', { name }));
		return this.serial(async () => {
			const packument = await this.client.packument(name);
			const version = resolveVersion(packument, wanted);
			const document = packument.versions[version]!;
			const requestedScopes = await this.fetchAndPlace(document);
			const row = await this.row(name);
			const previous = parseScopes(row?.granted_scopes);
			// What an admin granted stays granted while a new version asks for no more; an extension
			// asking for nothing runs at once; otherwise it waits for a grant.
			const granted = covers(previous, requestedScopes) ? (previous ?? {}) : Object.keys(requestedScopes).length === 0 ? {} : null;
			const values = { version, registry: this.options.config.url, granted_scopes: granted === null ? null : JSON.stringify(granted) };
			if (row) await this.options.knex('mantle_extensions').where({ id: row.id }).update(values);
			else
				await this.options.knex('mantle_extensions').insert({ id: randomUUID(), source: 'registry', folder: name, enabled: true, trusted: false, ...values });
			await this.options.reload();
			this.options.announce?.();
			return { version, requestedScopes };
		});
	}

	uninstall(name: string): Promise<void> {
		return this.serial(async () => {
			const row = await this.row(name);
			if (!row) throw createError('notFromRegistry', { name });
			await this.options.knex('mantle_extensions').where({ id: row.id }).delete();
			removePackage(this.options.extensionsPath, name);
			await this.options.reload();
			this.options.announce?.();
		});
	}

	async grant(name: string, requestedScopes: Record<string, unknown>): Promise<void> {
		const row = await this.row(name);
		if (!row) throw createError('notFromRegistry', { name });
		await this.options
			.knex('mantle_extensions')
			.where({ id: row.id })
			.update({ granted_scopes: JSON.stringify(requestedScopes) });
		await this.options.reload();
		this.options.announce?.();
	}

	/**
	 * Makes this instance's folder match `mantle_extensions`: versions another instance installed
	 * are fetched and verified here, removed ones deleted. Then everything reloads.
	 */
	sync(): Promise<void> {
		return this.serial(async () => {
			const rows: RegistryRow[] = await this.options
				.knex('mantle_extensions')
				.where({ source: 'registry' })
				.select('id', 'folder', 'version', 'granted_scopes');
			const wanted = new Set(rows.map((row) => row.folder));
			for (const name of registryFolders(this.options.extensionsPath)) if (!wanted.has(name)) removePackage(this.options.extensionsPath, name);
			for (const row of rows) {
				if (!row.version || installedVersion(this.options.extensionsPath, row.folder) === row.version) continue;
				try {
					const packument = await this.client.packument(row.folder);
					const document = packument.versions[row.version];
					if (!document) throw new Error(`the registry no longer has ${row.version}`);
					await this.fetchAndPlace(document);
				} catch (error) {
					this.options.logger.error({ err: error, extension: row.folder }, 'could not install an extension another instance installed');
				}
			}
			await this.options.reload();
		});
	}

	/** Every extension installed from the registry, as recorded. */
	rows(): Promise<RegistryRow[]> {
		return this.options.knex('mantle_extensions').where({ source: 'registry' }).orderBy('folder').select('id', 'folder', 'version', 'granted_scopes');
	}

	/** Whether a folder holds an extension that came from the registry (uninstall leaves local ones alone). */
	async row(name: string): Promise<RegistryRow | undefined> {
		return this.options.knex('mantle_extensions').where({ source: 'registry', folder: name }).first('id', 'folder', 'version', 'granted_scopes');
	}

	private async fetchAndPlace(document: VersionDocument): Promise<Record<string, unknown>> {
		const tarball = await this.client.tarball(document.dist.tarball, (received, total) => this.options.onProgress?.(document.name, received, total));
		const manifest = await verifyPackage(document, tarball, this.options.config, this.options.kernelVersion);
		await placePackage(this.options.extensionsPath, document.name, tarball);
		return (manifest.sandbox?.enabled ? manifest.sandbox.requestedScopes : {}) as Record<string, unknown>;
	}
}

/** A dist-tag, an exact version or a range, as npm resolves them. */
export function resolveVersion(packument: Packument, wanted: string): string {
	const tagged = packument['dist-tags'][wanted];
	if (tagged && packument.versions[tagged]) return tagged;
	if (packument.versions[wanted]) return wanted;
	const best = semver.validRange(wanted) ? semver.maxSatisfying(Object.keys(packument.versions), wanted) : null;
	if (!best) throw createError('registryVersionMissing', { name: packument.name, wanted });
	return best;
}

function installedVersion(extensionsPath: string, name: string): string | undefined {
	try {
		return (JSON.parse(readFileSync(path.join(extensionFolder(extensionsPath, name), 'package.json'), 'utf8')) as { version?: string }).version;
	} catch {
		return undefined;
	}
}

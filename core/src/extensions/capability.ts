import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { Accountability, ExtensionsCapability } from '@mantle/extensions-sdk';
import { createError } from '../errors/index.js';
import type { ExtensionHost } from './host.js';
import { info } from './extension-info.js';
import { parseScopes } from './install/scopes.js';
import { createRegistryCapability } from './install/capability.js';
import type { RegistryInstaller } from './install/installer.js';

function assertAdmin(accountability: Accountability): void {
	if (!accountability.admin) throw createError('FORBIDDEN');
}

export interface ExtensionSettings {
	/** Switched off by an admin. */
	disabled: Set<string>;
	/** Marked trusted by an admin: run in-process even when the manifest asks for the sandbox. */
	trusted: Set<string>;
}

/** What admins decided about extensions, as `mantle_extensions` records it. */
export async function extensionSettings(knex: Knex): Promise<ExtensionSettings & { registry: Map<string, Record<string, unknown> | null> }> {
	const rows: Array<{ folder: string; source: string; enabled: boolean | number; trusted: boolean | number; granted_scopes: unknown }> = await knex(
		'mantle_extensions',
	).select('folder', 'source', 'enabled', 'trusted', 'granted_scopes');
	return {
		disabled: new Set(rows.filter((row) => !row.enabled).map((row) => row.folder)),
		trusted: new Set(rows.filter((row) => Boolean(row.trusted)).map((row) => row.folder)),
		registry: new Map(rows.filter((row) => row.source === 'registry').map((row) => [row.folder, parseScopes(row.granted_scopes)])),
	};
}

/**
 * The extension host as the SDK's `extensions` capability, for the first-party `/extensions` endpoint.
 * `announce` tells the other instances to reload too: an extension switched off here must stop answering everywhere.
 */
export function createExtensionsCapability(host: ExtensionHost, knex: Knex, installer?: RegistryInstaller, announce?: () => void): ExtensionsCapability {
	return {
		...(installer ? { registry: createRegistryCapability(host, installer) } : {}),
		async list(accountability) {
			if (!accountability.admin && !accountability.app) throw createError('FORBIDDEN');
			return host.list().map(info);
		},
		async update(accountability, name, settings) {
			assertAdmin(accountability);
			const record = host.list().find((candidate) => candidate.name === name);
			if (!record) throw createError('FORBIDDEN');
			if (record.origin === 'first-party') throw createError('extensionFirstParty', { name });
			const where = { source: record.origin, folder: name };
			const updated = await knex('mantle_extensions').where(where).update(settings);
			if (updated === 0)
				await knex('mantle_extensions').insert({ id: randomUUID(), ...where, enabled: true, trusted: false, ...settings, version: record.version });
			// The setting is stored: the other instances reload from it while this one does.
			announce?.();
			await host.loadAll();
			return info(host.list().find((candidate) => candidate.name === name)!);
		},
		async reload(accountability) {
			assertAdmin(accountability);
			await host.loadAll();
			announce?.();
			return host.list().map(info);
		},
	};
}

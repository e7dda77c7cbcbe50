import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { Accountability, ExtensionInfo, ExtensionsCapability } from '@mantle/extensions-sdk';
import { createError } from '../errors/index.js';
import type { ExtensionHost, ExtensionRecord } from './host.js';

function info(record: ExtensionRecord): ExtensionInfo {
	const { name, version, type, origin, status, enabled, trusted, sandboxed, error } = record;
	return { name, version, type, origin, status, enabled, trusted, sandboxed, ...(error ? { error } : {}) };
}

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
export async function extensionSettings(knex: Knex): Promise<ExtensionSettings> {
	const rows: Array<{ folder: string; enabled: boolean | number; trusted: boolean | number }> = await knex('mantle_extensions').select('folder', 'enabled', 'trusted');
	return {
		disabled: new Set(rows.filter((row) => !row.enabled).map((row) => row.folder)),
		trusted: new Set(rows.filter((row) => Boolean(row.trusted)).map((row) => row.folder)),
	};
}

/** The extension host as the SDK's `extensions` capability, for the first-party `/extensions` endpoint. */
export function createExtensionsCapability(host: ExtensionHost, knex: Knex): ExtensionsCapability {
	return {
		async list(accountability) {
			if (!accountability.admin && !accountability.app) throw createError('FORBIDDEN');
			return host.list().map(info);
		},
		async update(accountability, name, settings) {
			assertAdmin(accountability);
			const record = host.list().find((candidate) => candidate.name === name);
			if (!record) throw createError('FORBIDDEN');
			if (record.origin === 'first-party') throw createError('INVALID_PAYLOAD', { reason: `${name} is part of Mantle; its settings cannot change.` });
			const where = { source: record.origin, folder: name };
			const updated = await knex('mantle_extensions').where(where).update(settings);
			if (updated === 0) await knex('mantle_extensions').insert({ id: randomUUID(), ...where, enabled: true, trusted: false, ...settings, version: record.version });
			await host.loadAll();
			return info(host.list().find((candidate) => candidate.name === name)!);
		},
		async reload(accountability) {
			assertAdmin(accountability);
			await host.loadAll();
			return host.list().map(info);
		},
	};
}

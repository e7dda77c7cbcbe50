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

/** Names switched off by an admin, as `mantle_extensions` records them. */
export async function disabledExtensionNames(knex: Knex): Promise<Set<string>> {
	const rows: Array<{ folder: string }> = await knex('mantle_extensions').where({ enabled: false }).select('folder');
	return new Set(rows.map((row) => row.folder));
}

/** The extension host as the SDK's `extensions` capability, for the first-party `/extensions` endpoint. */
export function createExtensionsCapability(host: ExtensionHost, knex: Knex): ExtensionsCapability {
	return {
		async list(accountability) {
			if (!accountability.admin && !accountability.app) throw createError('FORBIDDEN');
			return host.list().map(info);
		},
		async setEnabled(accountability, name, enabled) {
			assertAdmin(accountability);
			const record = host.list().find((candidate) => candidate.name === name);
			if (!record) throw createError('FORBIDDEN');
			if (record.origin === 'first-party') throw createError('INVALID_PAYLOAD', `Invalid payload. ${name} is part of Mantle and cannot be disabled.`);
			const where = { source: record.origin, folder: name };
			const updated = await knex('mantle_extensions').where(where).update({ enabled });
			if (updated === 0) await knex('mantle_extensions').insert({ id: randomUUID(), ...where, enabled, version: record.version });
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

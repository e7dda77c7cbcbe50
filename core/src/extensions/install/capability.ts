import type { Accountability, RegistryCapability } from '@mantle/extensions-sdk';
import { createError } from '../../errors/index.js';
import { info } from '../extension-info.js';
import type { ExtensionHost } from '../host.js';
import type { RegistryInstaller } from './installer.js';

function assertAdmin(accountability: Accountability): void {
	if (!accountability.admin) throw createError('FORBIDDEN');
}

const marketQuery = ['search', 'type', 'host', 'sandboxed', 'sort', 'limit', 'offset'];

/** The `/extensions/registry/*` routes' capability: the marketplace of the configured registry, and installs from it. */
export function createRegistryCapability(host: ExtensionHost, installer: RegistryInstaller): RegistryCapability {
	const record = (name: string) => {
		const found = host.list().find((candidate) => candidate.name === name);
		if (!found) throw createError('installedNotLoaded', { name });
		return info(found);
	};
	return {
		async search(accountability, query) {
			assertAdmin(accountability);
			const params = new URLSearchParams();
			for (const key of marketQuery) if (typeof query[key] === 'string') params.set(key, query[key] as string);
			return installer.client.json(`/-/mantle/extensions?${params}`);
		},
		async detail(accountability, name) {
			assertAdmin(accountability);
			return (await installer.client.json<{ data: Record<string, unknown> }>(`/-/mantle/extensions/${encodeURIComponent(name)}`)).data;
		},
		async install(accountability, name, version) {
			assertAdmin(accountability);
			await installer.install(name, version ?? 'latest');
			return record(name);
		},
		async reinstall(accountability, name) {
			assertAdmin(accountability);
			const row = await installer.row(name);
			if (!row?.version) throw createError('notFromRegistry', { name });
			await installer.install(name, row.version);
			return record(name);
		},
		async uninstall(accountability, name) {
			assertAdmin(accountability);
			await installer.uninstall(name);
		},
		async grant(accountability, name) {
			assertAdmin(accountability);
			const current = host.list().find((candidate) => candidate.name === name);
			if (!current || current.origin !== 'registry') throw createError('notFromRegistry', { name });
			if (current.status !== 'awaiting-grant') return info(current);
			await installer.grant(name, current.requestedScopes ?? {});
			return record(name);
		},
	};
}

import { command, segment } from '../command.js';
import type { SystemItem } from './crud.js';

/** An installed extension: its name, manifest and state (enabled, trusted, granted scopes...). */
export interface Extension extends SystemItem {
	name?: string;
	id?: string;
	schema?: SystemItem | null;
	meta?: SystemItem | null;
}

export const readExtensions = () => command<Extension[]>({ method: 'GET', path: '/extensions' });
/** Changes an installed extension's state: `{ meta: { enabled: false } }`, trust, granted scopes. */
export const updateExtension = (name: string, item: SystemItem) => command<Extension>({ method: 'PATCH', path: `/extensions/${segment(name)}`, body: item });
export const reloadExtensions = () => command<void>({ method: 'POST', path: '/extensions/reload' });

export interface RegistryQuery {
	search?: string;
	type?: string;
	limit?: number;
	offset?: number;
	sort?: string;
	sandbox?: boolean;
	[param: string]: string | number | boolean | undefined;
}

const params = (query: RegistryQuery = {}) =>
	Object.fromEntries(
		Object.entries(query)
			.filter(([, v]) => v !== undefined)
			.map(([k, v]) => [k, String(v)]),
	);

/** The marketplace: extensions of the configured registry. */
export const readRegistryExtensions = (query?: RegistryQuery) => command<SystemItem[]>({ method: 'GET', path: '/extensions/registry', params: params(query) });
export const readRegistryExtension = (id: string) => command<SystemItem>({ method: 'GET', path: `/extensions/registry/extension/${segment(id)}` });
/** Installs (or updates, or downgrades to) a version or range of an extension from the registry. */
export const installExtension = (extension: string, version?: string) =>
	command<SystemItem>({ method: 'POST', path: '/extensions/registry/install', body: { extension, ...(version ? { version } : {}) } });
export const reinstallExtension = (extension: string) => command<SystemItem>({ method: 'POST', path: '/extensions/registry/reinstall', body: { extension } });
export const uninstallExtension = (id: string) => command<void>({ method: 'DELETE', path: `/extensions/registry/uninstall/${segment(id)}` });
/** Grants an installed sandboxed extension the scopes it requests, so it starts running. */
export const grantExtensionScopes = (extension: string) => command<SystemItem>({ method: 'POST', path: '/extensions/registry/grant', body: { extension } });

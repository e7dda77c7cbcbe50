import { api } from '../lib/api.js';
import type { ExtensionInfo } from './types.js';

/** The installed extensions as the kernel reports them, with their state and any load error. */
export const listInstalled = () => api.get<ExtensionInfo[]>('/extensions');

/** Installs, updates or downgrades to `version` (a version, range or tag); grants the requested scopes when the admin chose to. */
export async function install(name: string, version: string | undefined, grant: boolean): Promise<ExtensionInfo> {
	const installed = await api.post<ExtensionInfo>('/extensions/registry/install', { extension: name, ...(version ? { version } : {}) });
	if (grant && installed.status === 'awaiting-grant') return grantScopes(name);
	return installed;
}

export const grantScopes = (name: string) => api.post<ExtensionInfo>('/extensions/registry/grant', { extension: name });

export const uninstall = (name: string) => api.delete(`/extensions/registry/uninstall/${encodeURIComponent(name)}`);

export const setFlags = (name: string, meta: { enabled?: boolean; trusted?: boolean }) =>
	api.patch<ExtensionInfo>(`/extensions/${encodeURIComponent(name)}`, { meta });

import type { ExtensionInfo, RegistryListing } from '@mantle/extensions-sdk';

export type { ExtensionInfo, RegistryListing };

export interface VersionEntry {
	version: string;
	published_at: string;
	deprecated: string | null;
	host: string | null;
	requested_scopes: Record<string, unknown>;
}

/** An extension's page as the registry's marketplace API describes it. */
export interface ExtensionPage extends RegistryListing {
	license: string | null;
	/** The README, already rendered and sanitised by the registry. */
	readme_html: string | null;
	dist_tags: Record<string, string>;
	versions: VersionEntry[];
	updated_at: string;
}

export const extensionTypes = ['endpoint', 'hook', 'operation', 'interface', 'display', 'layout', 'panel', 'bundle'];

/** A Studio path for an extension's page; scoped names (`@acme/x`) stay one path segment. */
export const pageHref = (name: string) => `/admin/settings/marketplace/extension/${encodeURIComponent(name)}`;

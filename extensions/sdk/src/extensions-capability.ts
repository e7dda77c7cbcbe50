import type { Accountability } from './accountability.js';

/** One installed extension as `/extensions` reports it. */
export interface ExtensionInfo {
	name: string;
	version: string | null;
	type: string | null;
	origin: 'first-party' | 'local' | 'registry';
	/** `awaiting-grant`: installed from a registry, waiting for an admin to grant the scopes it requests. */
	status: 'loaded' | 'failed' | 'disabled' | 'awaiting-grant';
	enabled: boolean;
	trusted: boolean;
	sandboxed: boolean;
	error?: string;
	/** What a sandboxed extension asks for, and what an admin granted it (registry installs). */
	requestedScopes?: Record<string, unknown>;
	grantedScopes?: Record<string, unknown> | null;
}

/** An extension as the configured registry's marketplace lists it. */
export interface RegistryListing {
	name: string;
	version: string;
	description: string | null;
	type: string | null;
	host: string | null;
	sandboxed: boolean;
	requested_scopes: Record<string, unknown>;
	publisher: { name: string; verified: boolean };
	downloads_week: number;
	[key: string]: unknown;
}

/** Installing from the registry the kernel is configured with (EXTENSIONS_REGISTRY), and no other; admins only. */
export interface RegistryCapability {
	search(accountability: Accountability, query: Record<string, unknown>): Promise<{ data: RegistryListing[]; meta: { filter_count: number } }>;
	detail(accountability: Accountability, name: string): Promise<Record<string, unknown>>;
	/** A version, a range or a dist-tag (default `latest`); installs, updates or downgrades. */
	install(accountability: Accountability, name: string, version?: string): Promise<ExtensionInfo>;
	reinstall(accountability: Accountability, name: string): Promise<ExtensionInfo>;
	uninstall(accountability: Accountability, name: string): Promise<void>;
	/** Grants exactly the scopes the installed version requests, and loads it. */
	grant(accountability: Accountability, name: string): Promise<ExtensionInfo>;
}

/** The kernel's extension host, offered to the trusted first-party `/extensions` endpoint. */
export interface ExtensionsCapability {
	list(accountability: Accountability): Promise<ExtensionInfo[]>;
	/**
	 * Switches one extension (not a first-party one) on or off, or marks it trusted — run
	 * in-process instead of in the sandbox, which is never the default — and reloads; admins only.
	 */
	update(accountability: Accountability, name: string, settings: { enabled?: boolean; trusted?: boolean }): Promise<ExtensionInfo>;
	/** Loads every extension afresh without restarting the process; admins only. */
	reload(accountability: Accountability): Promise<ExtensionInfo[]>;
	/** Absent when no registry is configured. */
	registry?: RegistryCapability;
}

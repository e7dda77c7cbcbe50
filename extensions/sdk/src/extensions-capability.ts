import type { Accountability } from './accountability.js';

/** One installed extension as `/extensions` reports it. */
export interface ExtensionInfo {
	name: string;
	version: string | null;
	type: string | null;
	origin: 'first-party' | 'local' | 'registry';
	status: 'loaded' | 'failed' | 'disabled';
	enabled: boolean;
	trusted: boolean;
	sandboxed: boolean;
	error?: string;
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
}

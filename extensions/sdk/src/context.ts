import type { ServerCapability } from './server.js';

export interface ExtensionLogger {
	debug(message: string, data?: Record<string, unknown>): void;
	info(message: string, data?: Record<string, unknown>): void;
	warn(message: string, data?: Record<string, unknown>): void;
	error(message: string, data?: Record<string, unknown>): void;
}

/**
 * What an extension may use. Every capability other than `log` is present only when the
 * extension's manifest requested it and it was granted; code must not assume the rest exist.
 */
export interface ExtensionContext {
	log: ExtensionLogger;
	sleep?: (milliseconds: number) => Promise<void>;
	env?: Readonly<Record<string, string>>;
	server?: ServerCapability;
}

import type { AuthCapability } from './auth.js';
import type { FilesCapability } from './files.js';
import type { GraphqlCapability } from './graphql.js';
import type { FlowsCapability, MailCapability, ScriptsCapability } from './flows.js';
import type { ItemsCapability } from './items.js';
import type { RequestCapability } from './request.js';
import type { ExtensionsCapability } from './extensions-capability.js';
import type { SchemaCapability } from './schema.js';
import type { ServerCapability } from './server.js';
import type { HashCapability } from './hash.js';
import type { MetricsCapability } from './metrics.js';
import type { SharesCapability } from './shares.js';

export interface ExtensionLogger {
	debug(message: string, data?: Record<string, unknown>): void;
	info(message: string, data?: Record<string, unknown>): void;
	warn(message: string, data?: Record<string, unknown>): void;
	error(message: string, data?: Record<string, unknown>): void;
}

/**
 * What an extension may use. A capability is present only when the extension's manifest
 * requested it and it was granted; code must not assume one exists. Trusted (in-process)
 * extensions always get `log`; sandboxed ones get it through the `log` scope, like the rest.
 */
export interface ExtensionContext {
	log: ExtensionLogger;
	sleep?: (milliseconds: number) => Promise<void>;
	/** Only the variables the `env` scope allow-lists. */
	env?: Readonly<Record<string, string>>;
	request?: RequestCapability;
	items?: ItemsCapability;
	server?: ServerCapability;
	schema?: SchemaCapability;
	extensions?: ExtensionsCapability;
	auth?: AuthCapability;
	files?: FilesCapability;
	graphql?: GraphqlCapability;
	flows?: FlowsCapability;
	mail?: MailCapability;
	scripts?: ScriptsCapability;
	hash?: HashCapability;
	metrics?: MetricsCapability;
	shares?: SharesCapability;
}

/** The kernel capabilities a first-party extension's manifest may name in `capabilities`. */
export type CapabilityName = Exclude<keyof ExtensionContext, 'log' | 'sleep' | 'env'>;

/**
 * The context of an extension whose manifest declares capabilities `C`: the host refuses to load
 * it without them, so its code can use them without checking.
 */
export type ContextWith<C extends CapabilityName = never> = ExtensionContext & Required<Pick<ExtensionContext, C>>;

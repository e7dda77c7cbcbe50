import type { Accountability, EndpointRequest, HttpMethod } from '@mantle/extensions-sdk';

export type { Accountability, HttpMethod };

export interface SandboxLimits {
	/** Heap limit of each extension's isolate (`EXTENSIONS_SANDBOX_MEMORY`), in MiB; at least 8. */
	memoryMb: number;
	/** Wall-clock limit of each call into an extension (`EXTENSIONS_SANDBOX_TIMEOUT`), in ms. */
	timeoutMs: number;
	/** Crashes of the sandbox process during an extension's calls before that extension is failed. */
	maxCrashes: number;
}

export type ItemsAction = 'read' | 'create' | 'update' | 'delete';

/** What an admin granted: one entry per capability; an absent entry means the capability does not exist. */
export interface GrantedScopes {
	log?: Record<string, never>;
	sleep?: Record<string, never>;
	/** `urls` are globs over the normalised URL (`*` stops at `/`, `**` does not); `methods` upper-case, or `*`. */
	request?: { urls: string[]; methods: string[] };
	items?: { collections: string[]; actions: ItemsAction[] };
	env?: { keys: string[] };
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export type ItemsMethod = 'readByQuery' | 'readOne' | 'createOne' | 'updateOne' | 'deleteOne';

export interface ItemsCall {
	collection: string;
	action: ItemsAction;
	method: ItemsMethod;
	/** `readByQuery(query)`, `readOne(key, query)`, `createOne(data)`, `updateOne(key, data)`, `deleteOne(key)`. */
	args: unknown[];
	/**
	 * The caller whose permissions apply (intersected with the scope, already checked). Calls made
	 * outside a request, or without naming the caller, carry `publicAccountability`.
	 */
	accountability: Accountability;
}

/** Implemented by the kernel; the sandbox process reaches it over IPC through the supervisor. */
export interface HostBridge {
	log(extensionId: string, level: LogLevel, message: string, data: Record<string, unknown> | undefined): void;
	/** Runs the call through the data engine; the scope has been checked before this is called. */
	items(extensionId: string, call: ItemsCall): Promise<unknown>;
	/** Values for the granted keys; other keys returned are dropped. Read at each (re)load. */
	env(extensionId: string, keys: string[]): Record<string, string> | Promise<Record<string, string>>;
}

/** The least-privileged caller: what items calls run as when no caller is known. */
export const publicAccountability: Accountability = Object.freeze({ user: null, role: null, roles: [], policies: [], admin: false, app: false, ip: null });

export type SandboxedType = 'endpoint' | 'hook' | 'operation';

export interface ExtensionSource {
	id: string;
	type: SandboxedType;
	/** One ES module whose only import may be `@mantle/extensions-sdk`; its default export is the definition. */
	code: string;
	scopes: GrantedScopes;
}

export interface RouteInfo {
	method: HttpMethod;
	/** Relative to the endpoint's prefix, as registered (`/items/:id`). */
	path: string;
}

export type HookRegistration = { kind: 'filter' | 'action' | 'init'; event: string } | { kind: 'schedule'; cron: string };

export type Registrations =
	| { type: 'endpoint'; endpointId: string; routes: RouteInfo[] }
	| { type: 'hook'; hooks: HookRegistration[] }
	| { type: 'operation'; operationId: string; name?: string; options?: unknown[] };

/** The SDK's endpoint request; calls made outside an HTTP request carry no accountability. */
export type SandboxRequest = Omit<EndpointRequest, 'accountability'> & { accountability: Accountability | null };

export interface SandboxResponse {
	status: number;
	headers: Record<string, string>;
	body: unknown;
}

export interface HookMeta {
	event?: string;
	accountability?: Accountability | null;
	[key: string]: unknown;
}

export interface OperationContext {
	data?: Record<string, unknown>;
	accountability?: Accountability | null;
}

export type ExtensionStatus = 'loaded' | 'failed';

/** Where a pino logger fits. */
export interface SandboxLogger {
	info(data: Record<string, unknown>, message: string): void;
	warn(data: Record<string, unknown>, message: string): void;
	error(data: Record<string, unknown>, message: string): void;
}

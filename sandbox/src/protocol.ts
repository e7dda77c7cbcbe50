import type { WireError } from './errors.js';
import type { Accountability, ExtensionSource, ItemsAction, ItemsMethod, LogLevel } from './types.js';

/** Handed to the sandbox process as its only argument, JSON-encoded. */
export interface ChildConfig {
	memoryMb: number;
	timeoutMs: number;
	allowPrivateNetwork: boolean;
	/** The SDK module every isolate imports, bundled once by the supervisor (see sdk-module.ts). */
	sdkModule: string;
}

export interface LoadPayload extends ExtensionSource {
	/** The granted keys' values, resolved by the supervisor. */
	env: Record<string, string>;
}

/**
 * What the extension is asked to do; `input` is JSON data only. `token` is issued by the supervisor,
 * which alone maps it back to the caller: items calls name the token, never an accountability.
 */
export type Invocation = { token: string; accountability: Accountability | null } & (
	| { op: 'route'; index: number; input: { request: unknown } }
	| { op: 'hook'; index: number; input: { payload: unknown; meta: unknown } }
	| { op: 'operation'; input: { options: unknown; data: unknown } }
);

/** An items call on its way from the sandbox process to the supervisor. */
export interface ItemsRequest {
	collection: string;
	action: ItemsAction;
	method: ItemsMethod;
	args: unknown[];
	token: string | undefined;
}

export type SupervisorMessage =
	| { type: 'load'; id: number; extension: LoadPayload }
	| { type: 'unload'; id: number; extensionId: string }
	| { type: 'invoke'; id: number; extensionId: string; invocation: Invocation }
	| { type: 'stats'; id: number }
	| { type: 'bridge-reply'; id: number; ok: true; value: unknown }
	| { type: 'bridge-reply'; id: number; ok: false; error: WireError };

export type BridgeRequest = { method: 'items'; call: ItemsRequest };

export type ChildMessage =
	| { type: 'ready' }
	| { type: 'reply'; id: number; ok: true; value: unknown }
	| { type: 'reply'; id: number; ok: false; error: WireError }
	| { type: 'log'; extensionId: string; level: LogLevel; message: string; data?: Record<string, unknown> }
	| { type: 'bridge'; id: number; extensionId: string; request: BridgeRequest };

export interface ChildStats {
	rss: number;
	heapUsed: number;
	extensions: number;
}

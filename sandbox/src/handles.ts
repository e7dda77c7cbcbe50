import { SandboxError } from './errors.js';
import type { Invocation } from './protocol.js';
import type { ExtensionStatus, HookMeta, HookRegistration, OperationContext, Registrations, RouteInfo, SandboxRequest, SandboxResponse } from './types.js';

interface HandleBase {
	readonly id: string;
	status(): ExtensionStatus | undefined;
}

export interface SandboxedEndpoint extends HandleBase {
	readonly type: 'endpoint';
	/** The prefix the endpoint chose (`defineEndpoint({ id })`). */
	readonly endpointId: string;
	readonly routes: readonly RouteInfo[];
	invoke(routeIndex: number, request: SandboxRequest): Promise<SandboxResponse>;
}

export interface SandboxedHook extends HandleBase {
	readonly type: 'hook';
	readonly registrations: readonly HookRegistration[];
	/**
	 * Runs one registration: a filter answers the payload to carry on with (it cancels by throwing),
	 * an action gets `{ ...meta, payload }`, init gets `meta`, a schedule nothing; those answer undefined.
	 */
	run(index: number, payload?: unknown, meta?: HookMeta): Promise<unknown>;
}

export interface SandboxedOperation extends HandleBase {
	readonly type: 'operation';
	readonly operationId: string;
	/** What its `defineOperation` describes for the designer: a name and an options form. */
	readonly described: { name?: string; options?: unknown[] };
	run(options: Record<string, unknown>, context?: OperationContext): Promise<unknown>;
}

export type SandboxedExtension = SandboxedEndpoint | SandboxedHook | SandboxedOperation;

export type Invoke = (extensionId: string, invocation: DistributiveOmit<Invocation, 'token'>) => Promise<unknown>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function checkIndex(index: number, count: number, what: string): void {
	if (!Number.isInteger(index) || index < 0 || index >= count) throw new SandboxError('INVALID_PAYLOAD', `There is no ${what} ${index}.`);
}

/** What leaves a handler is the extension's word: it becomes a response only in the shape HTTP allows. */
function checkResponse(value: unknown): SandboxResponse {
	const response = value as SandboxResponse;
	if (!Number.isInteger(response?.status) || response.status < 100 || response.status > 599) {
		throw new SandboxError('INVALID_EXTENSION', 'A route handler answered with an invalid status.');
	}
	const headers: Record<string, string> = {};
	for (const [name, header] of Object.entries(response.headers ?? {})) {
		if (typeof header !== 'string' || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name) || /[\r\n]/.test(header)) {
			throw new SandboxError('INVALID_EXTENSION', `A route handler answered with an invalid header ${JSON.stringify(name)}.`);
		}
		headers[name.toLowerCase()] = header;
	}
	return { status: response.status, headers, body: response.body };
}

export function createHandle(id: string, registrations: Registrations, invoke: Invoke, status: () => ExtensionStatus | undefined): SandboxedExtension {
	if (registrations.type === 'endpoint') {
		const routes = Object.freeze(registrations.routes.map((route) => Object.freeze({ ...route })));
		return {
			id,
			type: 'endpoint',
			endpointId: registrations.endpointId,
			routes,
			status,
			async invoke(routeIndex, request) {
				checkIndex(routeIndex, routes.length, 'route');
				const answer = await invoke(id, { op: 'route', index: routeIndex, input: { request }, accountability: request.accountability ?? null });
				return checkResponse(answer);
			},
		};
	}
	if (registrations.type === 'hook') {
		const hooks = Object.freeze(registrations.hooks.map((hook) => Object.freeze({ ...hook })));
		return {
			id,
			type: 'hook',
			registrations: hooks,
			status,
			run(index, payload, meta = {}) {
				checkIndex(index, hooks.length, 'hook registration');
				return invoke(id, { op: 'hook', index, input: { payload, meta }, accountability: meta.accountability ?? null });
			},
		};
	}
	return {
		id,
		type: 'operation',
		operationId: registrations.operationId,
		described: { name: registrations.name, options: registrations.options },
		status,
		run(options, context = {}) {
			return invoke(id, { op: 'operation', input: { options, data: context.data ?? {} }, accountability: context.accountability ?? null });
		},
	};
}

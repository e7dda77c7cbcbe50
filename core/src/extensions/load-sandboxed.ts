import type { Accountability, HttpMethod, OptionField } from '@mantle/extensions-sdk';
import { sandboxErrorCodes, type GrantedScopes, type SandboxedExtension, type SandboxErrorCode, type SandboxSupervisor } from '@mantle/sandbox';
import { createError, fromCodedError, type MantleError } from '../errors/index.js';
import type { ExtensionRuntime } from './runtime.js';

/** Errors crossing back from the sandbox carry a code and a message; they become catalogue errors. */
export function fromSandboxError(error: unknown): MantleError {
	const coded = fromCodedError(error);
	if (coded) return coded;
	const { code, message } = (error ?? {}) as { code?: string; message?: string };
	// "The extension could not answer" (timeout, crash, a failed request): 503, keeping the sandbox's message.
	if (code && Object.hasOwn(sandboxErrorCodes, code) && sandboxErrorCodes[code as SandboxErrorCode] === 'SERVICE_UNAVAILABLE') {
		const extensions = { reason: code };
		return message === undefined ? createError('SERVICE_UNAVAILABLE', undefined, extensions) : createError('sandboxUnavailable', { text: message }, extensions);
	}
	return createError('INTERNAL');
}

async function guarded<T>(call: () => Promise<T>): Promise<T> {
	try {
		return await call();
	} catch (error) {
		throw fromSandboxError(error);
	}
}

/**
 * Loads a server extension into the sandbox process and registers what it declared — routes,
 * hooks, schedules, its operation — as calls that cross into its isolate.
 */
export async function loadSandboxed(
	runtime: ExtensionRuntime,
	supervisor: SandboxSupervisor,
	name: string,
	type: 'endpoint' | 'hook' | 'operation',
	code: string,
	scopes: GrantedScopes,
): Promise<SandboxedExtension> {
	const handle = await guarded(() => supervisor.load({ id: name, type, code, scopes }));
	if (handle.type === 'endpoint') {
		const { router, commit } = runtime.routes.routerFor(handle.endpointId);
		handle.routes.forEach((route, index) => {
			const method = route.method.toLowerCase() as Lowercase<HttpMethod>;
			router[method](route.path, async (request) => {
				const response = await guarded(() => handle.invoke(index, request));
				return { status: response.status, headers: response.headers, body: response.body };
			});
		});
		commit();
		return handle;
	}
	const registrar = runtime.stage(name);
	if (handle.type === 'hook') {
		handle.registrations.forEach((registration, index) => {
			if (registration.kind === 'schedule') {
				registrar.schedules.push({ cron: registration.cron, handler: () => guarded(() => handle.run(index)) });
			} else if (registration.kind === 'filter') {
				registrar.filters.push({
					event: registration.event,
					handler: (payload, meta, accountability) => guarded(() => handle.run(index, payload, { ...meta, accountability })),
				});
			} else if (registration.kind === 'action') {
				registrar.actions.push({
					event: registration.event,
					handler: (meta, accountability: Accountability | null) => guarded(() => handle.run(index, meta.payload, { ...meta, accountability })),
				});
			} else {
				registrar.inits.push({ event: registration.event, handler: (meta) => guarded(() => handle.run(index, undefined, meta)) });
			}
		});
	} else {
		registrar.operations.push({
			id: handle.operationId,
			run: (options, { data, accountability }) => guarded(() => handle.run(options, { data: data as Record<string, unknown>, accountability })),
			// Checked for shape only: the designer draws it as a form, never runs it.
			meta: {
				name: handle.described.name,
				options: handle.described.options?.filter((field): field is OptionField => field !== null && typeof field === 'object' && !Array.isArray(field)),
			},
		});
	}
	registrar.commit();
	return handle;
}

import type { EndpointDefinition, ExtensionContext, HookDefinition, HookRegister, OperationDefinition } from '@mantle/extensions-sdk';
import type { ExtensionRuntime } from './runtime.js';

const endpointIdPattern = /^[a-z0-9][a-z0-9_-]*$/;

/**
 * Mounts a trusted (in-process) server extension from its module's default export: the same
 * definition a sandbox would run, called here with the extension's own context.
 */
export async function loadTrusted(
	runtime: ExtensionRuntime,
	name: string,
	type: 'endpoint' | 'hook' | 'operation',
	definition: unknown,
	context: ExtensionContext,
): Promise<void> {
	if (type === 'endpoint') {
		const endpoint = definition as Partial<EndpointDefinition>;
		if (!endpoint || typeof endpoint.handler !== 'function') throw new Error('The module must export default defineEndpoint({ id, handler }).');
		if (typeof endpoint.id !== 'string' || !endpointIdPattern.test(endpoint.id)) {
			throw new Error(`The endpoint id ${JSON.stringify(endpoint.id)} must be lower-case letters, digits, "-" or "_".`);
		}
		const { router, commit } = runtime.routes.routerFor(endpoint.id);
		await endpoint.handler(router, context);
		commit();
		return;
	}
	const registrar = runtime.stage(name);
	if (type === 'hook') {
		if (typeof definition !== 'function') throw new Error('The module must export default defineHook((register, context) => ...).');
		const register: HookRegister = {
			filter: (event, handler) =>
				registrar.filters.push({ event, handler: (payload, meta, accountability) => handler(payload as never, meta, { ...context, accountability }) }),
			action: (event, handler) => registrar.actions.push({ event, handler: (meta, accountability) => handler(meta, { ...context, accountability }) }),
			init: (event, handler) => registrar.inits.push({ event, handler: (meta) => handler({ event, ...meta }) }),
			schedule: (cron, handler) => registrar.schedules.push({ cron, handler }),
		};
		await (definition as HookDefinition)(register, context);
	} else {
		const operation = definition as Partial<OperationDefinition>;
		if (!operation || typeof operation.id !== 'string' || typeof operation.handler !== 'function')
			throw new Error('The module must export default defineOperation({ id, handler }).');
		registrar.operations.push({
			id: operation.id,
			run: async (options, { data, accountability }) => operation.handler!(options, { ...context, data, accountability } as never),
			meta: { name: operation.name, options: Array.isArray(operation.options) ? operation.options : undefined },
		});
	}
	registrar.commit();
}

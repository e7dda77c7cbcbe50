import { Cron } from 'croner';
import { SandboxError } from './errors.js';
import type { HookRegistration, HttpMethod, Registrations, RouteInfo, SandboxedType } from './types.js';

const endpointIdPattern = /^[a-z0-9][a-z0-9_-]*$/;
const methods = new Set<string>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'SEARCH']);

function invalid(message: string): SandboxError {
	return new SandboxError('INVALID_EXTENSION', message);
}

/**
 * What setup reported comes out of the isolate and is trusted no further than its shape: each field
 * is checked here, and a schedule's cron expression is parsed now so that a bad one fails the load
 * rather than the kernel's scheduler later.
 */
export function checkRegistrations(type: SandboxedType, value: unknown): Registrations {
	const reported = (value ?? {}) as Record<string, unknown>;
	if (reported.type !== type) throw invalid(`The extension did not set itself up as a ${type}.`);
	if (type === 'endpoint') {
		const endpointId = reported.endpointId;
		if (typeof endpointId !== 'string' || !endpointIdPattern.test(endpointId)) {
			throw invalid(`The endpoint id ${JSON.stringify(endpointId)} must be lower-case letters, digits, "-" or "_".`);
		}
		const routes = (Array.isArray(reported.routes) ? reported.routes : []) as RouteInfo[];
		for (const route of routes) {
			if (!methods.has(route.method) || typeof route.path !== 'string' || !route.path.startsWith('/'))
				throw invalid('A route was registered with a bad method or path.');
		}
		return { type, endpointId, routes: routes.map((route) => ({ method: route.method as HttpMethod, path: route.path })) };
	}
	if (type === 'hook') {
		const hooks = (Array.isArray(reported.hooks) ? reported.hooks : []) as HookRegistration[];
		return { type, hooks: hooks.map(checkHook) };
	}
	const operationId = reported.operationId;
	if (typeof operationId !== 'string' || operationId === '') throw invalid('An operation needs an id.');
	return {
		type,
		operationId,
		...(typeof reported.name === 'string' ? { name: reported.name } : {}),
		...(Array.isArray(reported.options) ? { options: reported.options as unknown[] } : {}),
	};
}

function checkHook(hook: HookRegistration): HookRegistration {
	if (hook.kind === 'schedule') {
		try {
			// The kernel schedules with croner: the same grammar accepts or refuses the expression here.
			new Cron(hook.cron, { paused: true }).stop();
		} catch (error) {
			throw invalid(`The schedule ${JSON.stringify(hook.cron)} is not a valid cron expression: ${(error as Error).message}`);
		}
		return { kind: 'schedule', cron: hook.cron };
	}
	if (!['filter', 'action', 'init'].includes(hook.kind) || typeof hook.event !== 'string') throw invalid('A hook was registered with a bad kind or event.');
	return { kind: hook.kind, event: hook.event };
}

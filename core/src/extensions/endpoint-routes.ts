import Call from '@hapi/call';
import type { HttpMethod, RouteHandler, RouteOptions, Router } from '@mantle/extensions-sdk';
import { withValidation } from './validate-route.js';

export interface EndpointRoute {
	extensionId: string;
	method: HttpMethod;
	/** The full path as registered, e.g. `/server/ping`. */
	path: string;
	handler: RouteHandler;
	options: RouteOptions;
}

export interface RouteMatch {
	route: EndpointRoute;
	params: Record<string, string>;
	/** The path below the extension's prefix. */
	subpath: string;
}

const methods: HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'SEARCH'];

/**
 * The table of every endpoint extension's routes. Hapi cannot remove a route once added, so
 * extension routes live here instead, behind one dispatcher: a reload builds a new table and
 * swaps it in whole, and a request sees either the old table or the new one, never a mix.
 */
export class EndpointRouteTable {
	private readonly router = new Call.Router({ isCaseSensitive: true });
	private readonly prefixes = new Set<string>();

	/** The router handed to one extension: every path lands under `/<id>`. */
	routerFor(extensionId: string): { router: Router; commit(): void } {
		const pending: EndpointRoute[] = [];
		const register =
			(method: HttpMethod) =>
			(path: string, handler: RouteHandler, options: RouteOptions = {}) => {
				if (typeof path !== 'string' || !path.startsWith('/')) throw new TypeError(`Route paths must start with "/" (got ${JSON.stringify(path)}).`);
				if (typeof handler !== 'function') throw new TypeError(`The handler for ${method} ${path} is not a function.`);
				pending.push({ extensionId, method, path: joinPath(`/${extensionId}`, path), handler: withValidation(handler, options.validate), options });
			};
		const router = Object.fromEntries(methods.map((method) => [method.toLowerCase(), register(method)])) as unknown as Router;
		// Routes enter the table only once the extension's handler has finished without error,
		// so a failing extension leaves nothing half-mounted.
		const commit = () => {
			if (this.prefixes.has(extensionId)) throw new Error(`Another endpoint extension already answers under /${extensionId}.`);
			const trial = new Call.Router({ isCaseSensitive: true });
			for (const route of pending) trial.add({ method: route.method, path: toHapiPath(route.path) }, route);
			for (const route of pending) this.router.add({ method: route.method, path: toHapiPath(route.path) }, route);
			this.prefixes.add(extensionId);
		};
		return { router, commit };
	}

	match(method: string, path: string): RouteMatch | undefined {
		const found = this.router.route(method.toLowerCase(), path) as { route?: EndpointRoute; params?: Record<string, string> } | Error;
		if (found instanceof Error || !found.route) return undefined;
		const prefix = `/${found.route.extensionId}`;
		return { route: found.route, params: found.params ?? {}, subpath: path.slice(prefix.length) || '/' };
	}
}

function joinPath(prefix: string, path: string): string {
	return path === '/' ? prefix : `${prefix}${path}`;
}

/** `/items/:collection/*` (the SDK's style) → `/items/{collection}/{rest*}` (the router's). */
function toHapiPath(path: string): string {
	return path
		.split('/')
		.map((segment) => {
			if (segment.startsWith(':')) return `{${segment.slice(1).replace(/\?$/, '')}${segment.endsWith('?') ? '?' : ''}}`;
			if (segment === '*') return '{wildcard*}';
			return segment;
		})
		.join('/');
}

import type { Schema } from 'joi';
import type { Accountability } from './accountability.js';
import type { CapabilityName, ContextWith } from './context.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'SEARCH';

export interface EndpointRequest {
	method: HttpMethod;
	/** The path below the extension's prefix, e.g. `/ping` for `/server/ping`. */
	path: string;
	/** Named segments of the route, e.g. `{ id: '12' }` for `/:id`. */
	params: Record<string, string>;
	query: Record<string, unknown>;
	headers: Record<string, string | string[] | undefined>;
	/**
	 * The request's cookies by name, as the server parsed the `Cookie` header (quotes stripped;
	 * the first wins when a name repeats). The host always sets it.
	 */
	cookies?: Record<string, string>;
	/** The parsed body (JSON, form or text); `undefined` when there is none. */
	body: unknown;
	accountability: Accountability;
}

export interface EndpointResponse {
	/** Defaults to 200, or 204 when there is no body. */
	status?: number;
	/** An array sends the header once per value (several `set-cookie`). */
	headers?: Record<string, string | string[]>;
	/** Objects are sent as JSON; strings as text; `undefined` as an empty body. */
	body?: unknown;
}

export type RouteHandler = (request: EndpointRequest) => EndpointResponse | Promise<EndpointResponse>;

export interface RouteOptions {
	/**
	 * `stream` hands the handler the unread request body as a Node stream (uploads, imports)
	 * instead of the parsed JSON, form or text body, which is bounded by MAX_PAYLOAD_SIZE.
	 * Trusted (in-process) extensions only.
	 */
	body?: 'parsed' | 'stream';
	/**
	 * Joi schemas the host checks the request against before the handler runs, as hapi routes'
	 * `validate`: a failure answers 400 naming the field (`INVALID_QUERY` for params and query,
	 * `INVALID_PAYLOAD` for the body), and the handler receives the validated values (defaults
	 * applied, strings converted). Trusted (in-process) extensions only.
	 */
	validate?: { params?: Schema; query?: Schema; payload?: Schema };
}

/**
 * Routes of one endpoint extension, relative to its prefix. Paths use `:name` for a segment
 * parameter and a trailing `*` for the rest of the path.
 */
export interface Router {
	get(path: string, handler: RouteHandler, options?: RouteOptions): void;
	post(path: string, handler: RouteHandler, options?: RouteOptions): void;
	put(path: string, handler: RouteHandler, options?: RouteOptions): void;
	patch(path: string, handler: RouteHandler, options?: RouteOptions): void;
	delete(path: string, handler: RouteHandler, options?: RouteOptions): void;
	search(path: string, handler: RouteHandler, options?: RouteOptions): void;
}

/** `C`: the capabilities the manifest declares (`defineEndpoint<'items'>(…)`), which the handler may use unchecked. */
export interface EndpointDefinition<C extends CapabilityName = never> {
	/** The route prefix: the extension answers under `/<id>`. */
	id: string;
	handler(router: Router, context: ContextWith<C>): void | Promise<void>;
}

/** Returns its argument: the same definition runs trusted in-process or in a sandbox. */
export function defineEndpoint<C extends CapabilityName = never>(definition: EndpointDefinition<C>): EndpointDefinition<C> {
	return definition;
}

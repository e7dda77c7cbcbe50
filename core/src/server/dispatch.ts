import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import qs from 'qs';
import type { Accountability, EndpointRequest, EndpointResponse, HttpMethod } from '@mantle/extensions-sdk';
import { createError } from '../errors/index.js';
import type { ExtensionHost, ExtensionRecord } from '../extensions/host.js';
import type { RouteMatch } from '../extensions/endpoint-routes.js';
import type { Authenticate } from '../auth/accountability.js';
import type { RequestGate } from './rate-limit.js';
import type { DispatchedRequestState } from './request-state.js';
import { hasBody, readBody } from './request-body.js';
import { requestContext } from '../request-context.js';
import type { DataCache } from '../cache/data-cache.js';

/** What the dispatcher needs besides the route table. */
export interface DispatcherOptions {
	authenticate: Authenticate;
	maxPayloadBytes: number;
	cache?: DataCache;
	/** Asked before anything else is done for a request (the `/auth` rate limit). */
	gate?: RequestGate;
}

/**
 * The one Hapi route behind every extension endpoint: find the extension route, resolve the
 * caller, parse the body and hand the SDK-shaped request to the extension. With the data cache on,
 * item reads are answered from it when it holds them. A request whose parts are all at hand (a
 * known caller, no body, a handler answering at once) is answered without a promise of its own.
 */
export function dispatcherRoute(host: ExtensionHost, { authenticate, maxPayloadBytes, cache, gate }: DispatcherOptions): ServerRoute {
	const tracesRequests = tracingWhenThirdPartyRuns(host);
	const serve = (request: Request, h: ResponseToolkit) => {
		const match = host.routes.match(request.method, request.path);
		if (!match) throw createError('routeMissing', { path: request.path });
		(request.app as DispatchedRequestState).routePath = match.route.path;
		return then(authenticate(request), (accountability) => {
			const produce = () =>
				then(bodyOf(request, match, maxPayloadBytes), (body) => match.route.handler(toEndpointRequest(request, match, body, accountability)));
			if (!cache?.accepts(request.method, match.route.extensionId)) return then(produce(), (result) => toHapiResponse(h, result ?? {}));
			const url = `${request.url.pathname}${request.url.search}`;
			return cache.answer({ url, headers: request.headers }, accountability, async () => (await produce()) ?? {}).then((result) => toHapiResponse(h, result));
		});
	};
	const traced = (request: Request, h: ResponseToolkit) =>
		tracesRequests() ? requestContext.run({ requestId: request.info.id }, () => serve(request, h)) : serve(request, h);
	return {
		method: '*',
		path: '/{path*}',
		// Hapi's own 1 MB Content-Length check would refuse uploads before any route sees them: parsed
		// bodies are bounded by MAX_PAYLOAD_SIZE in readBody, streamed ones by their route (FILES_MAX_UPLOAD_SIZE).
		options: { payload: { output: 'stream', parse: false, maxBytes: Number.MAX_SAFE_INTEGER } },
		handler: (request, h) => {
			const checked = gate?.(request);
			if (!checked) return traced(request, h);
			return checked.then((refusal) => {
				if (!refusal) return traced(request, h);
				(request.app as DispatchedRequestState).routePath = host.routes.match(request.method, request.path)?.route.path;
				return toHapiResponse(h, refusal);
			});
		},
	};
}

/**
 * Whether requests run inside the request context, which names the request on every log line
 * written while serving it. Keeping that context costs every promise in the process a hook
 * (about a fifth of a cheap request's time), so it is kept only while code the kernel does not
 * ship runs in the server (a local or registry extension): those log through the context, while
 * the kernel's own lines name their request explicitly.
 */
function tracingWhenThirdPartyRuns(host: ExtensionHost): () => boolean {
	let seen: readonly ExtensionRecord[] | undefined;
	let traces = false;
	return () => {
		const records = host.list();
		if (records !== seen) {
			seen = records;
			traces = records.some((record) => record.origin !== 'first-party' && record.status === 'loaded');
		}
		return traces;
	};
}

/** `next(value)`, at once when the value is at hand, after it settles when it is a promise. */
function then<T, R>(value: T | PromiseLike<T>, next: (settled: T) => R | Promise<R>): R | Promise<R> {
	return isPromiseLike(value) ? Promise.resolve(value).then(next) : next(value);
}

function isPromiseLike<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
	return typeof (value as { then?: unknown } | null | undefined)?.then === 'function';
}

function bodyOf(request: Request, match: RouteMatch, maxPayloadBytes: number): unknown {
	if (match.route.options.body === 'stream') return request.raw.req;
	if (!hasBody(request)) return undefined;
	return readBody(request, maxPayloadBytes).then((body) => {
		if (holdsNul(body)) throw createError('payloadNul');
		return body;
	});
}

function toEndpointRequest(request: Request, match: RouteMatch, body: unknown, accountability: Accountability): EndpointRequest {
	return {
		method: request.method.toUpperCase() as HttpMethod,
		path: match.subpath,
		params: match.params,
		query: parseQueryString(searchOf(request.raw.req.url ?? '')),
		headers: request.headers,
		cookies: request.headers.cookie === undefined ? {} : cookiesOf(request.state),
		body,
		accountability,
	};
}

/**
 * The query part of the request target as the client sent it. Hapi's `request.url` would build a
 * WHATWG URL for it on every request; that URL only percent-encodes characters qs decodes again,
 * and drops a fragment, which is dropped here too.
 */
export function searchOf(target: string): string {
	const fragment = target.indexOf('#');
	const sent = fragment === -1 ? target : target.slice(0, fragment);
	const query = sent.indexOf('?');
	return query === -1 ? '' : sent.slice(query);
}

/**
 * Bracket syntax (`filter[status][_eq]=x`) is the API's query language, so qs, not Hapi's flat
 * parser. Keys are the caller's: objects without a prototype let `constructor` or `toString` be
 * ordinary keys instead of being dropped; qs drops `__proto__` whatever its options, so a query
 * naming it is refused rather than silently read as something else.
 */
function parseQueryString(search: string): Record<string, unknown> {
	// Most requests have no query at all: the same prototype-free object qs would give, without qs.
	if (search === '' || search === '?') return Object.create(null) as Record<string, unknown>;
	const text = search.replace(/^\?/, '');
	if (/proto/i.test(text)) {
		for (const key of new URLSearchParams(text).keys()) {
			if (/(?:^|\[)__proto__(?:\]|$)/.test(key)) throw createError('parameterPrototype', { parameter: key.slice(0, 80) });
		}
	}
	const query = qs.parse(text, { depth: 10, arrayLimit: 200, plainObjects: true, allowPrototypes: true });
	if (holdsNul(query)) throw createError('parameterNul');
	return query;
}

/**
 * Whether any text in a parsed query or body holds U+0000. PostgreSQL can store no such text and
 * fails the whole statement, so it is refused at the door, the same on every vendor.
 */
function holdsNul(value: unknown): boolean {
	const pending: unknown[] = [value];
	while (pending.length > 0) {
		const current = pending.pop();
		if (typeof current === 'string') {
			if (current.includes('\u0000')) return true;
		} else if (typeof current === 'object' && current !== null && !(current instanceof Buffer)) {
			for (const [key, entry] of Object.entries(current)) {
				if (key.includes('\u0000')) return true;
				pending.push(entry);
			}
		}
	}
	return false;
}

function toHapiResponse(h: ResponseToolkit, result: EndpointResponse) {
	const status = result.status ?? (result.body === undefined ? 204 : 200);
	const response = (result.body === undefined ? h.response() : h.response(result.body as object)).code(status);
	for (const [name, value] of Object.entries(result.headers ?? {})) {
		if (Array.isArray(value)) for (const item of value) response.header(name, item, { append: true });
		else response.header(name, value);
	}
	return response;
}

/** Hapi's parsed cookies, one value per name: a repeated name keeps its first value. */
function cookiesOf(state: Record<string, unknown> | null | undefined): Record<string, string> {
	const cookies: Record<string, string> = {};
	for (const [name, value] of Object.entries(state ?? {})) {
		const first = Array.isArray(value) ? value[0] : value;
		if (typeof first === 'string') cookies[name] = first;
	}
	return cookies;
}

import type { ResponseToolkit, ServerRoute } from '@hapi/hapi';
import qs from 'qs';
import type { EndpointResponse, HttpMethod } from '@mantle/extensions-sdk';
import { createError } from '../errors/index.js';
import type { ExtensionHost } from '../extensions/host.js';
import type { Authenticate } from '../auth/accountability.js';
import { hasBody, readBody } from './request-body.js';
import { requestContext } from '../request-context.js';
import type { DataCache } from '../cache/data-cache.js';

/**
 * The one Hapi route behind every extension endpoint: find the extension route, resolve the
 * caller, parse the body and hand the SDK-shaped request to the extension. With the data cache on,
 * item reads are answered from it when it holds them.
 */
export function dispatcherRoute(host: ExtensionHost, authenticate: Authenticate, maxPayloadBytes: number, cache?: DataCache): ServerRoute {
	return {
		method: '*',
		path: '/{path*}',
		// Hapi's own 1 MB Content-Length check would refuse uploads before any route sees them: parsed
		// bodies are bounded by MAX_PAYLOAD_SIZE in readBody, streamed ones by their route (FILES_MAX_UPLOAD_SIZE).
		options: { payload: { output: 'stream', parse: false, maxBytes: Number.MAX_SAFE_INTEGER } },
		handler: (request, h) =>
			requestContext.run({ requestId: request.info.id }, async () => {
				const match = host.routes.match(request.method, request.path);
				if (!match) throw createError('routeMissing', { path: request.path });
				const accountability = await authenticate(request);
				const produce = async () => {
					const streamed = match.route.options.body === 'stream';
					const body = streamed ? request.raw.req : hasBody(request) ? await readBody(request, maxPayloadBytes) : undefined;
					if (!streamed && holdsNul(body)) throw createError('payloadNul');
					const result = await match.route.handler({
						method: request.method.toUpperCase() as HttpMethod,
						path: match.subpath,
						params: match.params,
						query: parseQueryString(request.url.search),
						headers: request.headers,
						cookies: request.headers.cookie === undefined ? {} : cookiesOf(request.state),
						body,
						accountability,
					});
					return result ?? {};
				};
				if (!cache?.accepts(request.method, match.route.extensionId)) return toHapiResponse(h, await produce());
				const url = `${request.url.pathname}${request.url.search}`;
				return toHapiResponse(h, await cache.answer({ url, headers: request.headers }, accountability, produce));
			}),
	};
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

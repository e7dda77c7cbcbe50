import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import picomatch from 'picomatch';
import { SandboxError } from '../errors.js';
import type { GrantedScopes } from '../types.js';
import { envelope, parseJson } from './envelope.js';
import { isLocalName, isPrivateAddress, literalAddress } from './network.js';

export interface RequestPolicy {
	allowPrivateNetwork: boolean;
	timeoutMs: number;
	maxResponseBytes: number;
}

export interface RequestResult {
	status: number;
	headers: Record<string, string>;
	/** Parsed when the response says it is JSON, text otherwise. */
	body: unknown;
}

const matchers = new WeakMap<string[], (url: string) => boolean>();

function matcherFor(globs: string[]): (url: string) => boolean {
	let matcher = matchers.get(globs);
	if (!matcher) {
		matcher = globs.length === 0 ? () => false : picomatch(globs, { dot: true });
		matchers.set(globs, matcher);
	}
	return matcher;
}

/**
 * Refuses a URL outside the granted globs or a method not granted. The URL is matched in its
 * WHATWG-normalised form (lower-case host, dot segments resolved, no credentials), so spelling a
 * host or path differently cannot slip past a glob.
 */
export function checkRequestScope(scopes: GrantedScopes, url: unknown, method: string): URL {
	const scope = scopes.request;
	if (!scope) throw new SandboxError('FORBIDDEN', 'The request capability is not granted.');
	let parsed: URL;
	try {
		parsed = new URL(String(url));
	} catch {
		throw new SandboxError('INVALID_PAYLOAD', `${JSON.stringify(url)} is not an absolute URL.`);
	}
	if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
		throw new SandboxError('FORBIDDEN', `Only http and https URLs may be requested (got ${parsed.protocol}).`);
	const normalised = `${parsed.origin}${parsed.pathname}${parsed.search}`;
	if (!matcherFor(scope.urls)(normalised)) throw new SandboxError('FORBIDDEN', `${normalised} is outside this extension's request scope.`);
	if (parsed.username || parsed.password) throw new SandboxError('INVALID_PAYLOAD', 'URLs with credentials are refused; send them in a header.');
	if (!scope.methods.includes('*') && !scope.methods.some((granted) => granted.toUpperCase() === method)) {
		throw new SandboxError('FORBIDDEN', `The method ${method} is outside this extension's request scope.`);
	}
	return parsed;
}

function refusedAddress(host: string, address: string): SandboxError {
	return new SandboxError('FORBIDDEN', `${host} is a loopback, private or link-local address (${address}), which extensions may not reach.`);
}

/**
 * Checks every address a name resolves to at connect time, on the very addresses the socket then
 * uses: checking before the request and letting it resolve again would let DNS rebinding through.
 */
function guardedLookup(onRefused: (error: SandboxError) => void): LookupFunction {
	return (hostname, options, callback) => {
		dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
			if (error) return callback(error, '', 0);
			const bad = addresses.find((entry) => isPrivateAddress(entry.address));
			if (bad || addresses.length === 0) {
				const refusal = refusedAddress(hostname, bad?.address ?? 'no address');
				onRefused(refusal);
				return callback(refusal, '', 0);
			}
			if (options.all) return callback(null, addresses);
			callback(null, addresses[0]!.address, addresses[0]!.family);
		});
	};
}

interface RequestOptions {
	url: unknown;
	method?: unknown;
	headers?: unknown;
	body?: unknown;
}

function requestHeaders(headers: unknown): Record<string, string> {
	if (headers === undefined || headers === null) return {};
	if (typeof headers !== 'object' || Array.isArray(headers)) throw new SandboxError('INVALID_PAYLOAD', 'Request headers must be an object of strings.');
	const result: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers)) {
		if (typeof value !== 'string') throw new SandboxError('INVALID_PAYLOAD', `The request header ${name} must be a string.`);
		result[name.toLowerCase()] = value;
	}
	return result;
}

function decode(body: Buffer, contentType: string | undefined): unknown {
	const text = body.toString('utf8');
	if (contentType && /\bjson\b/i.test(contentType)) {
		try {
			return JSON.parse(text) as unknown;
		} catch {
			return text;
		}
	}
	return text;
}

function send(url: URL, method: string, headers: Record<string, string>, payload: string | undefined, policy: RequestPolicy): Promise<RequestResult> {
	return new Promise((resolve, reject) => {
		let refusal: SandboxError | undefined;
		const client = url.protocol === 'https:' ? https : http;
		// Redirects are never followed here: the extension sees the 3xx and must ask again, so the new URL goes through every check.
		const request = client.request(
			url,
			{
				method,
				headers: { ...headers, 'accept-encoding': 'identity' },
				agent: false,
				signal: AbortSignal.timeout(policy.timeoutMs),
				...(policy.allowPrivateNetwork ? {} : { lookup: guardedLookup((error) => (refusal = error)) }),
			},
			(response) => {
				const chunks: Buffer[] = [];
				let size = 0;
				response.on('data', (chunk: Buffer) => {
					size += chunk.length;
					if (size > policy.maxResponseBytes) {
						response.destroy();
						reject(new SandboxError('REQUEST_FAILED', `The response from ${url.origin} is larger than ${policy.maxResponseBytes} bytes.`));
					} else chunks.push(chunk);
				});
				response.on('error', (error) => reject(new SandboxError('REQUEST_FAILED', `Reading the response from ${url.origin} failed: ${error.message}`)));
				response.on('end', () => {
					const flat: Record<string, string> = {};
					for (const [name, value] of Object.entries(response.headers)) if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
					resolve({ status: response.statusCode ?? 0, headers: flat, body: decode(Buffer.concat(chunks), response.headers['content-type']) });
				});
			},
		);
		request.on('error', (error) => reject(refusal ?? new SandboxError('REQUEST_FAILED', `The request to ${url.origin} failed: ${error.message}`)));
		request.end(payload);
	});
}

/** `ctx.request(url, { method, headers, body })` → `{ status, headers, body }`, made by the sandbox process. */
export function createRequest(scopes: GrantedScopes, policy: RequestPolicy): ((optionsJson: unknown) => Promise<string>) | undefined {
	if (!scopes.request) return undefined;
	return envelope(async (optionsJson: unknown) => {
		const options = parseJson(optionsJson, 'Request options') as RequestOptions | undefined;
		if (!options || typeof options !== 'object') throw new SandboxError('INVALID_PAYLOAD', 'request() takes a URL and options.');
		const method = typeof options.method === 'string' ? options.method.toUpperCase() : 'GET';
		const url = checkRequestScope(scopes, options.url, method);
		if (!policy.allowPrivateNetwork) {
			const literal = literalAddress(url.hostname);
			if (isLocalName(url.hostname)) throw refusedAddress(url.hostname, 'this machine');
			if (literal && isPrivateAddress(literal)) throw refusedAddress(url.hostname, literal);
		}
		const headers = requestHeaders(options.headers);
		let payload: string | undefined;
		if (typeof options.body === 'string') payload = options.body;
		else if (options.body !== undefined && options.body !== null) {
			payload = JSON.stringify(options.body);
			headers['content-type'] ??= 'application/json';
		}
		return send(url, method, headers, payload, policy);
	});
}

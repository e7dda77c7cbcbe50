import http from 'node:http';
import https from 'node:https';
import type { RequestCapability, RequestResponse } from '@mantle/extensions-sdk';
import { MantleError, createError } from '../errors/index.js';
import { checkHost, guardedLookup } from '../files/address-guard.js';

const timeoutMs = 30_000;
/** A response larger than this is refused rather than held in memory. */
const maxResponseBytes = 10 * 1024 * 1024;

/**
 * Outgoing HTTP for trusted first-party code (the request-URL operation). Unless private
 * addresses are allowed, the host is checked before connecting and every address DNS gives is
 * checked while connecting, so a name that resolves to loopback is refused too.
 */
export function createRequestCapability(allowPrivateNetwork: boolean): RequestCapability {
	return async (raw, options = {}) => {
		let url: URL;
		try {
			url = new URL(raw);
		} catch {
			throw createError('urlInvalid', { url: raw });
		}
		if (url.protocol !== 'http:' && url.protocol !== 'https:') throw createError('urlSchemeRefused', { verb: 'requested', protocol: url.protocol });
		if (!allowPrivateNetwork) checkHost(url.hostname);
		const headers: Record<string, string> = { ...(options.headers ?? {}) };
		let body: string | undefined;
		if (typeof options.body === 'string') body = options.body;
		else if (options.body !== undefined && options.body !== null) {
			body = JSON.stringify(options.body);
			if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
		}
		return send(url, options.method ?? 'GET', headers, body, allowPrivateNetwork);
	};
}

function send(url: URL, method: string, headers: Record<string, string>, body: string | undefined, allowPrivateNetwork: boolean): Promise<RequestResponse> {
	const client = url.protocol === 'https:' ? https : http;
	return new Promise((resolve, reject) => {
		const request = client.request(url, { method, headers, agent: false, ...(allowPrivateNetwork ? {} : { lookup: guardedLookup }) }, (response) => {
			const chunks: Buffer[] = [];
			let size = 0;
			response.on('data', (chunk: Buffer) => {
				size += chunk.length;
				if (size > maxResponseBytes) request.destroy(createError('requestTooLarge', { origin: url.origin, limit: maxResponseBytes }));
				else chunks.push(chunk);
			});
			response.once('error', reject);
			response.once('end', () => {
				const text = Buffer.concat(chunks).toString('utf8');
				const type = String(response.headers['content-type'] ?? '');
				let parsed: unknown = text;
				if (/\bjson\b/i.test(type)) {
					try {
						parsed = JSON.parse(text);
					} catch {
						parsed = text;
					}
				}
				const flatHeaders = Object.fromEntries(
					Object.entries(response.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : String(value ?? '')]),
				);
				resolve({ status: response.statusCode ?? 0, headers: flatHeaders, body: parsed });
			});
		});
		request.setTimeout(timeoutMs, () => request.destroy(createError('requestTimedOut', { origin: url.origin, seconds: timeoutMs / 1000 })));
		request.once('error', (error) =>
			reject(error instanceof MantleError ? error : createError('requestFailed', { origin: url.origin, reason: error.message })),
		);
		request.end(body);
	});
}

import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import { MantleError, createError } from '../errors/index.js';
import { checkHost, guardedLookup } from './address-guard.js';

export interface FetchedFile {
	stream: Readable;
	contentType: string | undefined;
	/** From `Content-Disposition`, else the last path segment of the final URL. */
	filename: string;
}

const maxRedirects = 5;
/** A source that stops sending for this long is given up. */
const idleTimeoutMs = 30_000;

/**
 * Opens a URL for streaming, following redirects. Unless private addresses are allowed, every
 * hop is checked: its host before connecting, and each address DNS gives while connecting.
 */
export async function fetchUrl(raw: string, allowPrivateNetwork: boolean): Promise<FetchedFile> {
	let url = parseUrl(raw);
	for (let hop = 0; hop <= maxRedirects; hop++) {
		if (!allowPrivateNetwork) checkHost(url.hostname);
		const response = await get(url, allowPrivateNetwork);
		const status = response.statusCode ?? 0;
		if (status >= 300 && status < 400 && response.headers.location) {
			response.resume();
			url = parseUrl(new URL(response.headers.location, url).toString());
			continue;
		}
		if (status < 200 || status >= 300) {
			response.resume();
			throw createError('urlFetchAnswered', { url: raw, status });
		}
		return { stream: response, contentType: response.headers['content-type'], filename: filenameOf(response.headers['content-disposition'], url) };
	}
	throw createError('urlFetchRedirects', { url: raw, max: maxRedirects });
}

function parseUrl(raw: string): URL {
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		throw createError('urlInvalid', { url: raw });
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') throw createError('urlSchemeRefused', { verb: 'imported', protocol: url.protocol });
	return url;
}

function get(url: URL, allowPrivateNetwork: boolean): Promise<http.IncomingMessage> {
	const client = url.protocol === 'https:' ? https : http;
	return new Promise((resolve, reject) => {
		const request = client.get(url, { agent: false, ...(allowPrivateNetwork ? {} : { lookup: guardedLookup }) }, resolve);
		request.setTimeout(idleTimeoutMs, () => request.destroy(createError('urlFetchStalled', { url: String(url) })));
		request.once('error', (error) => reject(error instanceof MantleError ? error : createError('urlFetchFailed', { url: String(url), reason: error.message })));
	});
}

function filenameOf(disposition: string | undefined, url: URL): string {
	const named = disposition?.match(/filename\*?=(?:UTF-8'')?"?([^";]+)"?/i)?.[1];
	if (named) {
		try {
			return decodeURIComponent(named);
		} catch {
			return named;
		}
	}
	const last = url.pathname.split('/').filter(Boolean).at(-1);
	return last ? decodeURIComponent(last) : url.hostname;
}

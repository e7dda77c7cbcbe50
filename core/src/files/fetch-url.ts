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
			throw createError('INVALID_PAYLOAD', `Couldn't fetch file from URL "${raw}": it answered ${status}.`);
		}
		return { stream: response, contentType: response.headers['content-type'], filename: filenameOf(response.headers['content-disposition'], url) };
	}
	throw createError('INVALID_PAYLOAD', `Couldn't fetch file from URL "${raw}": more than ${maxRedirects} redirects.`);
}

function parseUrl(raw: string): URL {
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		throw createError('INVALID_PAYLOAD', `"${raw}" is not a valid URL.`);
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:')
		throw createError('INVALID_PAYLOAD', `Only http and https URLs can be imported (got ${url.protocol}).`);
	return url;
}

function get(url: URL, allowPrivateNetwork: boolean): Promise<http.IncomingMessage> {
	const client = url.protocol === 'https:' ? https : http;
	return new Promise((resolve, reject) => {
		const request = client.get(url, { agent: false, ...(allowPrivateNetwork ? {} : { lookup: guardedLookup }) }, resolve);
		request.setTimeout(idleTimeoutMs, () =>
			request.destroy(createError('SERVICE_UNAVAILABLE', `Couldn't fetch file from URL "${url}": it stopped answering.`)),
		);
		request.once('error', (error) =>
			reject(error instanceof MantleError ? error : createError('INVALID_PAYLOAD', `Couldn't fetch file from URL "${url}": ${error.message}`)),
		);
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

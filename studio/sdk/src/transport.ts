// How a request leaves the client outside a browser (Node, Deno, Bun): there is no cookie store,
// so the client keeps the cookies its server sets (cookie and session logins work too); a
// FormData goes out as one multipart Blob of known size; and upload progress is counted as fetch
// reads the body. Bundlers building for browsers take `transport.browser.ts` instead (the
// "browser" map of package.json), so none of this reaches a browser bundle.
import type { UploadProgress } from './command.js';
import { createCookieJar } from './cookies.js';
import { multipartBlob, progressStream } from './upload.js';

export type OutgoingRequest = RequestInit & { method: string; headers: Record<string, string> };

export interface Transport {
	send(url: string, init: OutgoingRequest, onProgress?: (progress: UploadProgress) => void): Promise<Response>;
	/** Forgets the session's cookies (logout). */
	clear(): void;
}

/** `custom` is the fetch the caller passed, if any (default: the global one). */
export function createTransport(custom?: typeof fetch): Transport {
	const fetcher = custom ?? fetch;
	const jar = createCookieJar();
	return {
		async send(url, init, onProgress) {
			const cookie = jar.header();
			if (cookie) init.headers.cookie = cookie;
			let body = init.body;
			if (body instanceof FormData) {
				({ body, type: init.headers['content-type'] } = multipartBlob(body));
			}
			const response = await fetcher(
				url,
				onProgress && body instanceof Blob
					? ({ ...init, body: progressStream(body, onProgress, init.signal ?? undefined), duplex: 'half' } as RequestInit)
					: { ...init, body },
			);
			jar.store(response);
			return response;
		},
		clear: jar.clear,
	};
}

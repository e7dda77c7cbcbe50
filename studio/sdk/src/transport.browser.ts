// How a request leaves the client in a browser: the browser keeps the cookies (and hides
// Set-Cookie from scripts), encodes a FormData itself, and reports real upload progress only
// through XMLHttpRequest. package.json's "browser" map puts this file in place of transport.ts.
import type { createTransport as Node } from './transport.js';

export const createTransport: typeof Node = (custom) => ({
	// A caller's own fetch is respected; its uploads then go out without progress events.
	send: (url, init, onProgress) =>
		onProgress && !custom && typeof XMLHttpRequest != 'undefined'
			? new Promise((resolve, reject) => {
					const xhr = new XMLHttpRequest();
					const signal = init.signal;
					xhr.open(init.method, url);
					xhr.withCredentials = init.credentials == 'include';
					for (const name in init.headers) xhr.setRequestHeader(name, init.headers[name]!);
					xhr.upload.onprogress = (event) => onProgress({ loaded: event.loaded, total: event.total });
					// The client reads an upload's answer by its status and content type.
					xhr.onload = () =>
						resolve(
							new Response(xhr.status == 204 ? null : xhr.response, {
								status: xhr.status,
								headers: { 'content-type': xhr.getResponseHeader('content-type')! },
							}),
						);
					// The client tells an abort (its signal is aborted) from a network failure.
					xhr.onerror = xhr.onabort = () => reject(TypeError('Network request failed'));
					signal?.addEventListener('abort', () => xhr.abort());
					xhr.send(init.body as XMLHttpRequestBodyInit);
					if (signal?.aborted) xhr.abort();
				})
			: (custom ?? fetch)(url, init),
	clear() {},
});

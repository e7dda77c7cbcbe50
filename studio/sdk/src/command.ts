export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE' | 'SEARCH';

/** Upload progress: bytes sent so far and the whole body's size. */
export interface UploadProgress {
	loaded: number;
	total: number;
}

/**
 * One API call, built by a command function (`readItems(...)`) and run by `client.request`.
 * Commands are plain data, so unused ones drop out of a bundle and a command can be inspected.
 * `Output` is what the request resolves to; `Schema` only carries the client's schema type.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as in @directus/sdk, a client without a schema type reads rows untyped
export interface RestCommand<Output, Schema = any> {
	method: HttpMethod;
	path: string;
	params?: Record<string, string>;
	/** A JSON value, or a body sent as is (FormData, Blob, string, bytes, stream). */
	body?: unknown;
	headers?: Record<string, string>;
	/** False for calls that must not carry the caller's token (login, refresh). */
	auth?: boolean;
	/** Resolve to the `Response` itself (downloads, streamed bodies). */
	raw?: boolean;
	/** Resolve to the whole `{ data, meta }` envelope instead of `data`. */
	envelope?: boolean;
	onUploadProgress?: (progress: UploadProgress) => void;
	/** Never set: carries the output and schema types. */
	readonly __types?: { output: Output; schema: Schema };
}

/** Folds `Output` into a command built from plain fields. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as in @directus/sdk, a client without a schema type reads rows untyped
export function command<Output, Schema = any>(spec: Omit<RestCommand<Output, Schema>, '__types'>): RestCommand<Output, Schema> {
	return spec as RestCommand<Output, Schema>;
}

/** A path with its query string, if any. */
export const withQuery = (path: string, params?: Record<string, string>): string => {
	const search = `${new URLSearchParams(params)}`;
	return search ? `${path}?${search}` : path;
};

/** Encodes a path segment (collection names, keys, ids). */
export const segment = (value: string | number): string => encodeURIComponent(value);

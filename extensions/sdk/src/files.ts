import type { Readable } from 'node:stream';
import type { Accountability } from './accountability.js';
import type { Item, PrimaryKey } from './items.js';

export interface FilesCallOptions {
	/** Whose permissions apply on `directus_files`: pass the request's accountability. */
	accountability: Accountability | null;
}

export interface FilesBody extends FilesCallOptions {
	/** The request's unread body (a route with `{ body: 'stream' }`). */
	body: Readable;
	/** The request's `Content-Type`, with its boundary for multipart bodies. */
	contentType: string | undefined;
}

/** What `/assets` answers: a status, headers and, unless the status says otherwise, a stream. */
export interface AssetResponse {
	status: number;
	headers: Record<string, string>;
	body?: Readable;
}

export interface AssetRequest extends FilesCallOptions {
	/** The request's query: `download`, `key`, `width`, `transforms`, ... */
	query: Record<string, unknown>;
	/** The request's headers: `range`, `if-none-match`, `accept` matter. */
	headers: Record<string, string | string[] | undefined>;
}

/**
 * Files and their content, with the caller's permissions on `directus_files`: the rows go through
 * the data engine, the bytes stream between the request and the file's storage location.
 * Trusted (first-party) extensions only.
 */
export interface FilesCapability {
	/**
	 * Stores every file part of a multipart body, each with the form fields sent before it
	 * (`title`, `folder`, `storage`, ...); resolves with the new keys in the order of the parts.
	 * Rejects with `CONTENT_TOO_LARGE` or `UNSUPPORTED_MEDIA_TYPE` when a part breaks the limits;
	 * the files of that request then leave nothing behind.
	 */
	upload(request: FilesBody): Promise<PrimaryKey[]>;
	/** Fetches `url` (public addresses only unless configured) and stores it as a new file with `data`. */
	import(input: { url: string; data?: Item }, options: FilesCallOptions): Promise<PrimaryKey>;
	/** A multipart body replaces the file's content (same key, metadata refreshed); a JSON body updates its fields. */
	update(key: PrimaryKey, request: FilesBody): Promise<PrimaryKey>;
	/** Removes the rows, their stored objects and every transformed variant. */
	delete(keys: PrimaryKey[], options: FilesCallOptions): Promise<void>;
	/** The file's content or a transformed variant, as `/assets/:id` answers it. */
	asset(key: string, request: AssetRequest): Promise<AssetResponse>;
}

import type { Readable } from 'node:stream';

export interface StoredObjectInfo {
	size: number;
	modified: Date;
	etag?: string;
	/** Only stores that keep metadata (Azure, S3) know it; the local driver leaves it unset. */
	contentType?: string;
}

/** Inclusive at both ends, as in HTTP `Range: bytes=start-end`; no `end` reads to the last byte. */
export interface ByteRange {
	start: number;
	end?: number;
}

/**
 * One storage location: a flat namespace of keys such as `2f6a…c1.jpg` or `thumbs/ab/cd.webp`.
 * Keys are relative, `/`-separated, and may not contain `..`, `.` or empty segments, a
 * backslash or a NUL: such a key is refused with `INVALID_PAYLOAD` by every driver, so that a
 * key valid on one store is valid on all.
 *
 * Errors, all from the catalogue:
 * - reading (`get`) or moving (`move`) a missing object rejects with `ROUTE_NOT_FOUND`
 *   (recognise it with `isObjectNotFound`). A caller that forgets to translate it still
 *   answers a sensible 404; `/assets` turns it into the 403 `FORBIDDEN` that Directus clients
 *   expect for anything they cannot read;
 * - a range that starts at or past the end of the object rejects with `RANGE_NOT_SATISFIABLE`;
 *   an `end` past the last byte is clamped, as HTTP does;
 * - anything else (network, permissions, a full disk) rejects with the store's own error, which
 *   the HTTP layer reports as `INTERNAL`.
 */
export interface StorageDriver {
	/**
	 * Streams `body` into `key` (never buffering it whole) and replaces any object already there;
	 * resolves with the stored size. When `body` errors, the upload is abandoned and the key
	 * keeps what it held before (nothing, for a new key): no driver leaves a partial object.
	 */
	put(key: string, body: Readable, options?: { contentType?: string }): Promise<{ size: number }>;
	/** Streams the object, or a byte range of it. */
	get(key: string, range?: ByteRange): Promise<Readable>;
	/** Null when missing. */
	head(key: string): Promise<StoredObjectInfo | null>;
	/** Missing is not an error. */
	delete(key: string): Promise<void>;
	/** Every key that starts with `prefix` (a plain string prefix, as in S3, not only a folder), in no set order. */
	list(prefix?: string): AsyncIterable<string>;
	/** Renames `from` to `to`, replacing whatever `to` held. */
	move(from: string, to: string): Promise<void>;
}

/** The configured locations, each driver built on first use. */
export interface Storage {
	/** Location names in `STORAGE_LOCATIONS` order. */
	readonly names: string[];
	/** The first location: where new files go unless told otherwise. */
	readonly default: string;
	/** Throws `INVALID_PAYLOAD` naming the location when it is not configured. */
	location(name: string): StorageDriver;
}

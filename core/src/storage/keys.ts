import { Transform } from 'node:stream';
import { MantleError, createError } from '../errors/index.js';
import type { ByteRange } from './types.js';

/**
 * Checks a key against the rules every driver shares (see `StorageDriver`). Cloud stores would
 * accept `a/../b` as a literal name, but the local driver cannot, and a key that works on one
 * location must work on all: files move between locations.
 */
export function checkKey(key: string): string {
	const segments = key.split('/');
	const bad = key === '' || key.includes('\\') || key.includes('\0') || segments.some((segment) => segment === '' || segment === '.' || segment === '..');
	if (bad) throw createError('storageKeyInvalid', { key: JSON.stringify(key) });
	return key;
}

/** A prefix may end with `/` (a folder) or be empty; otherwise the key rules apply. */
export function checkPrefix(prefix: string): string {
	if (prefix === '') return prefix;
	checkKey(prefix.endsWith('/') ? prefix.slice(0, -1) : prefix);
	return prefix;
}

/** Joins a location's `root` option (a key prefix on cloud stores) and a key. */
export function withRoot(root: string | undefined, key: string): string {
	const base = (root ?? '').replace(/^\/+|\/+$/g, '');
	return base === '' ? key : `${base}/${key}`;
}

/** The message stays generic: an untranslated rejection must not tell a client where files live. */
export function objectNotFound(cause?: unknown): MantleError {
	const error = createError('fileNotFound');
	if (cause !== undefined) error.cause = cause;
	return error;
}

/** True for the rejection of `get` or `move` on a missing object. */
export function isObjectNotFound(error: unknown): boolean {
	return error instanceof MantleError && error.code === 'ROUTE_NOT_FOUND';
}

export function rangeNotSatisfiable(range: ByteRange, size?: number): MantleError {
	const end = range.end === undefined ? '' : String(range.end);
	const shown = `${range.start}-${end}`;
	return size === undefined ? createError('rangeNotSatisfiable', { range: shown }) : createError('rangeBeyondFile', { range: shown, size });
}

/** Refuses ranges no store could answer, before asking the store. */
export function checkRange(range: ByteRange): void {
	const valid =
		Number.isSafeInteger(range.start) && range.start >= 0 && (range.end === undefined || (Number.isSafeInteger(range.end) && range.end >= range.start));
	if (!valid) throw rangeNotSatisfiable(range);
}

/** A pass-through that counts the bytes of an upload, so drivers report the size they stored. */
export class ByteCounter extends Transform {
	bytes = 0;

	override _transform(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null, data?: Buffer) => void): void {
		this.bytes += chunk.length;
		done(null, chunk);
	}
}

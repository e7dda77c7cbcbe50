import { createHash } from 'node:crypto';
import { createError } from '../errors/index.js';
import type { ByteRange } from '../storage/index.js';

/** A strong validator that changes when the file's content (or the variant asked for) does. */
export function entityTag(parts: Array<string | number | null | undefined>): string {
	return `"${createHash('sha256')
		.update(parts.map((part) => String(part ?? '')).join('\0'))
		.digest('base64url')
		.slice(0, 27)}"`;
}

/** True when `If-None-Match` lists the tag (weak comparison, as RFC 9110 asks for GET) or is `*`. */
export function matchesTag(header: string | string[] | undefined, tag: string): boolean {
	if (header === undefined) return false;
	const value = Array.isArray(header) ? header.join(',') : header;
	if (value.trim() === '*') return true;
	return value.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === tag);
}

/**
 * The one range of `Range: bytes=…` as the store takes it, or `undefined` to send the whole
 * object: no header, another unit, several ranges or a malformed one (RFC 9110 lets a server
 * ignore those). A well-formed range past the end is refused with 416.
 */
export function parseRange(header: string | string[] | undefined, size: number): ByteRange | undefined {
	if (typeof header !== 'string') return undefined;
	const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
	if (!match || (match[1] === '' && match[2] === '')) return undefined;
	const notSatisfiable = () => createError('rangeBeyondFile', { range: header, size });
	if (match[1] === '') {
		const suffix = Number(match[2]);
		if (suffix === 0 || size === 0) throw notSatisfiable();
		return { start: Math.max(0, size - suffix), end: size - 1 };
	}
	const start = Number(match[1]);
	const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
	if (start >= size || end < start) throw notSatisfiable();
	return { start, end };
}

/** `attachment; filename="…"` with an ASCII fallback and the UTF-8 name (RFC 6266). */
export function attachment(filename: string): string {
	const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

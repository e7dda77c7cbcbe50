import mime from 'mime-types';

export const fallbackType = 'application/octet-stream';

const nameExtension = (filename?: string) => filename?.match(/\.([A-Za-z0-9]{1,10})$/)?.[1]?.toLowerCase();

/**
 * The extension a stored object gets (`<id>.<ext>`): the uploaded name's when it is one the type
 * is known by (`photo.jpg` stays `.jpg`), else the type's own, else the name's, else `bin`.
 */
export function extensionOf(type: string, filename?: string): string {
	const fromName = nameExtension(filename);
	const known = mime.extensions[type];
	if (fromName && known?.includes(fromName)) return fromName;
	return known?.[0] ?? fromName ?? 'bin';
}

/** Signatures of the formats whose type a browser may not send (or sends as octet-stream). */
const signatures: Array<{ type: string; test(head: Buffer): boolean }> = [
	{ type: 'image/jpeg', test: (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff },
	{ type: 'image/png', test: (h) => h.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
	{ type: 'image/gif', test: (h) => h.subarray(0, 4).toString('latin1') === 'GIF8' },
	{ type: 'image/webp', test: (h) => h.subarray(0, 4).toString('latin1') === 'RIFF' && h.subarray(8, 12).toString('latin1') === 'WEBP' },
	{ type: 'image/avif', test: (h) => h.subarray(4, 12).toString('latin1') === 'ftypavif' },
	{ type: 'image/tiff', test: (h) => ['II*\0', 'MM\0*'].includes(h.subarray(0, 4).toString('latin1')) },
	{ type: 'application/pdf', test: (h) => h.subarray(0, 5).toString('latin1') === '%PDF-' },
	{ type: 'video/mp4', test: (h) => h.subarray(4, 8).toString('latin1') === 'ftyp' },
];

/**
 * The part's declared type, unless it is missing or generic: then the content's signature, then
 * the file name's extension.
 */
export function resolveType(declared: string | undefined, head: Buffer, filename?: string): string {
	const type = declared?.split(';')[0]?.trim().toLowerCase();
	if (type && type !== fallbackType) return type;
	const sniffed = signatures.find((signature) => signature.test(head))?.type;
	if (sniffed) return sniffed;
	const ext = nameExtension(filename);
	return (ext && mime.lookup(ext)) || fallbackType;
}

/** `FILES_MIME_TYPE_ALLOW_LIST` patterns: `*\/*`, `image/*` or an exact type. */
export function isAllowedType(type: string, allowList: string[]): boolean {
	const [group] = type.split('/');
	return allowList.some((pattern) => pattern === '*/*' || pattern === type || pattern === `${group}/*`);
}

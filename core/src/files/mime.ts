/**
 * The few media types Mantle needs to name: the extension of a stored object (`<id>.<ext>`), the
 * type of an upload sent as `application/octet-stream`, and the allow-list check.
 */
const extensions: Record<string, string> = {
	'image/jpeg': 'jpg',
	'image/png': 'png',
	'image/gif': 'gif',
	'image/webp': 'webp',
	'image/avif': 'avif',
	'image/tiff': 'tiff',
	'image/svg+xml': 'svg',
	'image/heic': 'heic',
	'application/pdf': 'pdf',
	'application/json': 'json',
	'application/zip': 'zip',
	'text/plain': 'txt',
	'text/csv': 'csv',
	'text/html': 'html',
	'video/mp4': 'mp4',
	'video/webm': 'webm',
	'audio/mpeg': 'mp3',
	'audio/wav': 'wav',
};

const byExtension = new Map<string, string>([...Object.entries(extensions).map(([type, ext]) => [ext, type] as [string, string]), ['jpeg', 'image/jpeg'], ['tif', 'image/tiff'], ['htm', 'text/html']]);

export const fallbackType = 'application/octet-stream';

/** The extension a stored object gets: the type's own, else the uploaded name's, else `bin`. */
export function extensionOf(type: string, filename?: string): string {
	const known = extensions[type];
	if (known) return known;
	const fromName = filename?.match(/\.([A-Za-z0-9]{1,10})$/)?.[1]?.toLowerCase();
	return fromName ?? 'bin';
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
	const ext = filename?.match(/\.([A-Za-z0-9]{1,10})$/)?.[1]?.toLowerCase();
	return (ext && byExtension.get(ext)) ?? fallbackType;
}

/** `FILES_MIME_TYPE_ALLOW_LIST` patterns: `*\/*`, `image/*` or an exact type. */
export function isAllowedType(type: string, allowList: string[]): boolean {
	const [group] = type.split('/');
	return allowList.some((pattern) => pattern === '*/*' || pattern === type || pattern === `${group}/*`);
}

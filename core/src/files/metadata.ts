import { buffer } from 'node:stream/consumers';
import { loadSharp } from '../assets/load-sharp.js';
import type { StorageDriver } from '../storage/index.js';
import { parseExif, parseIptc } from './exif.js';

/** What a file's row learns from its content. */
export interface ContentMetadata {
	width: number | null;
	height: number | null;
	/** Milliseconds: the frame delays of an animated image; null for everything else. */
	duration: number | null;
	metadata: Record<string, unknown> | null;
}

/**
 * Image headers (dimensions, EXIF, IPTC) sit at the start of the file: reading this much of the
 * stored object is enough for sharp, and keeps metadata cheap for very large images.
 */
const headerBytes = 8 * 1024 * 1024;

/** Formats sharp reads; anything else keeps no dimensions. */
const imageTypes = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif', 'image/tiff', 'image/svg+xml', 'image/heic']);

const empty: ContentMetadata = { width: null, height: null, duration: null, metadata: null };

export function isImageType(type: string): boolean {
	return imageTypes.has(type);
}

/** Reads the stored object's header with sharp. An image sharp cannot read gets no dimensions. */
export async function readContentMetadata(driver: StorageDriver, key: string, type: string, size: number): Promise<ContentMetadata> {
	if (!isImageType(type) || size === 0) return empty;
	try {
		const head = await buffer(await driver.get(key, { start: 0, end: Math.min(size, headerBytes) - 1 }));
		// Header reading only: the pixel limit guards decoding, which metadata never does.
		const sharp = await loadSharp();
		const info = await sharp(head, { limitInputPixels: false, animated: true }).metadata();
		// EXIF orientations 5 to 8 turn the image a quarter: the dimensions a viewer sees swap.
		const turned = (info.orientation ?? 1) >= 5;
		const width = info.width ?? null;
		const height = info.pageHeight ?? info.height ?? null;
		const exif = await parseExif(info.exif);
		const iptc = info.iptc ? await parseIptc(head) : undefined;
		const metadata: Record<string, unknown> = {};
		if (exif) metadata.exif = exif;
		if (iptc) metadata.iptc = iptc;
		if (info.density) metadata.density = info.density;
		if (info.space) metadata.space = info.space;
		if (info.hasAlpha !== undefined) metadata.hasAlpha = info.hasAlpha;
		if (info.pages && info.pages > 1) metadata.pages = info.pages;
		const duration = info.delay && info.delay.length > 1 ? info.delay.reduce((sum, delay) => sum + delay, 0) : null;
		return {
			width: turned ? height : width,
			height: turned ? width : height,
			duration,
			metadata: Object.keys(metadata).length > 0 ? metadata : null,
		};
	} catch {
		return empty;
	}
}

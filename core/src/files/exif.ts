/**
 * The few EXIF and IPTC entries people search their files by, read from the raw blocks sharp
 * hands out. Unknown or malformed data yields nothing rather than an error: metadata is a
 * courtesy, never a reason to refuse an upload.
 */

const exifTags: Record<number, string> = {
	0x010e: 'ImageDescription',
	0x010f: 'Make',
	0x0110: 'Model',
	0x0112: 'Orientation',
	0x0131: 'Software',
	0x0132: 'DateTime',
	0x013b: 'Artist',
	0x8298: 'Copyright',
	0x829a: 'ExposureTime',
	0x829d: 'FNumber',
	0x8827: 'ISO',
	0x9003: 'DateTimeOriginal',
	0x920a: 'FocalLength',
	0xa434: 'LensModel',
};
const exifPointer = 0x8769;

/** Bytes per component of each TIFF field type that is read here (ASCII, SHORT, LONG, RATIONAL). */
const typeSizes: Record<number, number> = { 2: 1, 3: 2, 4: 4, 5: 8 };

export function parseExif(block: Buffer | undefined): Record<string, unknown> | undefined {
	if (!block) return undefined;
	try {
		const start = block.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? 6 : 0;
		const tiff = block.subarray(start);
		const little = tiff.subarray(0, 2).toString('latin1') === 'II';
		const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
		const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
		const result: Record<string, unknown> = {};
		const readIfd = (offset: number, depth: number) => {
			const count = u16(offset);
			for (let index = 0; index < count; index++) {
				const entry = offset + 2 + index * 12;
				const tag = u16(entry);
				const type = u16(entry + 2);
				const components = u32(entry + 4);
				if (tag === exifPointer && depth === 0) {
					readIfd(u32(entry + 8), 1);
					continue;
				}
				const name = exifTags[tag];
				const size = typeSizes[type];
				if (!name || !size) continue;
				const at = size * components > 4 ? u32(entry + 8) : entry + 8;
				if (type === 2) result[name] = tiff.subarray(at, at + components).toString('latin1').replace(/\0+$/, '').trim();
				else if (type === 3) result[name] = u16(at);
				else if (type === 4) result[name] = u32(at);
				else {
					const denominator = u32(at + 4);
					result[name] = denominator === 0 ? null : u32(at) / denominator;
				}
			}
		};
		readIfd(u32(4), 0);
		return Object.keys(result).length > 0 ? result : undefined;
	} catch {
		return undefined;
	}
}

const iptcDatasets: Record<number, string> = { 5: 'ObjectName', 25: 'Keywords', 80: 'Byline', 90: 'City', 101: 'Country', 105: 'Headline', 110: 'Credit', 116: 'CopyrightNotice', 120: 'Caption' };

/** IPTC-IIM application records (2:xx), found by their 0x1C 0x02 markers inside the Photoshop block. */
export function parseIptc(block: Buffer | undefined): Record<string, unknown> | undefined {
	if (!block) return undefined;
	const result: Record<string, unknown> = {};
	for (let at = 0; at + 5 <= block.length; at++) {
		if (block[at] !== 0x1c || block[at + 1] !== 0x02) continue;
		const name = iptcDatasets[block[at + 2]!];
		const length = block.readUInt16BE(at + 3);
		if (length & 0x8000 || at + 5 + length > block.length) continue;
		if (name) {
			const value = block.subarray(at + 5, at + 5 + length).toString('utf8');
			if (name === 'Keywords') result[name] = [...((result[name] as string[] | undefined) ?? []), value];
			else result[name] = value;
		}
		at += 4 + length;
	}
	return Object.keys(result).length > 0 ? result : undefined;
}

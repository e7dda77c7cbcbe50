/**
 * The few EXIF and IPTC entries people search their files by, read with exifr. Unknown or
 * malformed data yields nothing rather than an error: metadata is a courtesy, never a reason to
 * refuse an upload.
 */
const exifTags = [
	'ImageDescription',
	'Make',
	'Model',
	'Orientation',
	'Software',
	'ModifyDate',
	'Artist',
	'Copyright',
	'ExposureTime',
	'FNumber',
	'ISO',
	'DateTimeOriginal',
	'FocalLength',
	'LensModel',
];
const iptcTags = ['ObjectName', 'Keywords', 'Byline', 'City', 'Country', 'Headline', 'Credit', 'CopyrightNotice', 'Caption'];

/** exifr is loaded by the first image whose metadata is read, not at start. */
const loadExifr = async () => (await import('exifr')).default;

/** Values as the file holds them: no dates revived, no codes turned into words. */
const raw = { reviveValues: false, translateValues: false, translateKeys: true, mergeOutput: true, sanitize: true } as const;

function picked(values: Record<string, unknown> | undefined, tags: string[]): Record<string, unknown> | undefined {
	if (!values) return undefined;
	const result = Object.fromEntries(tags.filter((tag) => values[tag] !== undefined).map((tag) => [tag, values[tag]]));
	return Object.keys(result).length > 0 ? result : undefined;
}

/** EXIF from the block sharp hands out (`Exif\0\0` and a TIFF structure), whatever the image format. */
export async function parseExif(block: Buffer | undefined): Promise<Record<string, unknown> | undefined> {
	if (!block) return undefined;
	const exifr = await loadExifr();
	try {
		const tiff = block.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? block.subarray(6) : block;
		const values = picked(await exifr.parse(tiff, { ...raw, tiff: true, exif: true, gps: false, interop: false, ifd1: false }), exifTags);
		// TIFF tag 0x0132 is `DateTime` in the standard; exifr names it after its meaning.
		if (values?.ModifyDate !== undefined) {
			values.DateTime = values.ModifyDate;
			delete values.ModifyDate;
		}
		return values;
	} catch {
		return undefined;
	}
}

/** IPTC-IIM records, read from the file's own header (sharp hands them out only inside Photoshop's block). */
export async function parseIptc(head: Buffer): Promise<Record<string, unknown> | undefined> {
	const exifr = await loadExifr();
	try {
		const values = picked(
			await exifr.parse(head, { ...raw, tiff: false, exif: false, gps: false, xmp: false, icc: false, jfif: false, ihdr: false, iptc: true }),
			iptcTags,
		);
		if (values && typeof values.Keywords === 'string') values.Keywords = [values.Keywords];
		return values;
	} catch {
		return undefined;
	}
}

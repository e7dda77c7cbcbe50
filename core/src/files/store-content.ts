import type { Readable } from 'node:stream';
import { createError } from '../errors/index.js';
import type { Storage } from '../storage/index.js';
import { readContentMetadata, type ContentMetadata } from './metadata.js';
import { extensionOf, isAllowedType, resolveType } from './mime.js';
import { peek, SizeLimit, tooLarge } from './streams.js';

export interface StoreLimits {
	maxUploadBytes?: number;
	mimeTypeAllowList: string[];
}

export interface StoreInput {
	stream: Readable;
	/** The type the client or the source declared, if any. */
	declaredType?: string;
	filename?: string;
	location: string;
	/** The object key, given its extension: `<id>.<ext>` for a new file. */
	keyOf(ext: string): string;
}

/** What the file's row records about content that is now stored. */
export interface StoredContent extends ContentMetadata {
	storage: string;
	key: string;
	type: string;
	filesize: number;
}

/** Signatures need at most 12 bytes; the rest of the peek is slack for short chunks. */
const sniffBytes = 16;

/**
 * Streams content into a storage location: the type is decided from the first bytes and checked
 * against the allow-list before anything is written; the size limit stops the stream as soon as
 * it is passed, and the driver then keeps nothing of it.
 */
export async function storeContent(storage: Storage, limits: StoreLimits, input: StoreInput): Promise<StoredContent> {
	const driver = storage.location(input.location);
	const { head, stream } = await peek(input.stream, sniffBytes);
	const type = resolveType(input.declaredType, head, input.filename);
	if (!isAllowedType(type, limits.mimeTypeAllowList)) {
		throw createError('fileTypeRefused', { type });
	}
	const key = input.keyOf(extensionOf(type, input.filename));
	const limit = new SizeLimit(limits.maxUploadBytes);
	stream.once('error', (error) => limit.destroy(error));
	try {
		await driver.put(key, stream.pipe(limit), { contentType: type });
	} catch (error) {
		if (limit.exceeded) throw tooLarge(limits.maxUploadBytes!);
		throw error;
	}
	const metadata = await readContentMetadata(driver, key, type, limit.bytes);
	return { storage: input.location, key, type, filesize: limit.bytes, ...metadata };
}

import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, opendir, rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createError } from '../../errors/index.js';
import { ByteCounter, checkKey, checkPrefix, checkRange, objectNotFound, rangeNotSatisfiable } from '../keys.js';
import type { ByteRange, StorageDriver, StoredObjectInfo } from '../types.js';

export interface LocalDriverOptions {
	/** Absolute folder that holds the objects; created on the first write. */
	root: string;
}

/** Uploads in progress, beside their target so the final rename stays on one file system. */
const partialPrefix = '.mantle-upload-';

/** Codes for "there is no file at that path", including a path that runs through a file. */
const missing = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);
const isMissing = (error: unknown) => missing.has((error as NodeJS.ErrnoException).code ?? '');

export function createLocalDriver({ root }: LocalDriverOptions): StorageDriver {
	const base = path.resolve(root);

	/** The key rules already forbid `..`; resolving and re-checking guards against whatever they miss. */
	function pathOf(key: string): string {
		const file = path.resolve(base, checkKey(key));
		if (!file.startsWith(base + path.sep)) throw createError('storageKeyOutsideRoot', { key: JSON.stringify(key) });
		return file;
	}

	async function* walk(folder: string, relative: string): AsyncGenerator<string> {
		let entries;
		try {
			entries = await opendir(folder);
		} catch (error) {
			if (isMissing(error)) return;
			throw error;
		}
		for await (const entry of entries) {
			const key = relative === '' ? entry.name : `${relative}/${entry.name}`;
			if (entry.isDirectory()) yield* walk(path.join(folder, entry.name), key);
			else if (entry.isFile() && !entry.name.startsWith(partialPrefix)) yield key;
		}
	}

	return {
		async put(key, body) {
			const file = pathOf(key);
			await mkdir(path.dirname(file), { recursive: true });
			const partial = path.join(path.dirname(file), `${partialPrefix}${randomBytes(8).toString('hex')}`);
			const counter = new ByteCounter();
			try {
				await pipeline(body, counter, createWriteStream(partial, { flags: 'wx' }));
				await rename(partial, file);
			} catch (error) {
				await rm(partial, { force: true });
				throw error;
			}
			return { size: counter.bytes };
		},

		async get(key, range?: ByteRange): Promise<Readable> {
			const file = pathOf(key);
			if (range) checkRange(range);
			// One handle for the size check and the read: a concurrent replace cannot slip between them.
			const handle = await open(file, 'r').catch((error: unknown) => {
				throw isMissing(error) ? objectNotFound(error) : error;
			});
			try {
				const info = await handle.stat();
				if (!info.isFile()) throw objectNotFound();
				if (!range) return handle.createReadStream();
				if (range.start >= info.size) throw rangeNotSatisfiable(range, info.size);
				return handle.createReadStream({ start: range.start, end: Math.min(range.end ?? Infinity, info.size - 1) });
			} catch (error) {
				await handle.close();
				throw error;
			}
		},

		async head(key): Promise<StoredObjectInfo | null> {
			try {
				const info = await stat(pathOf(key));
				if (!info.isFile()) return null;
				return { size: info.size, modified: info.mtime, etag: `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"` };
			} catch (error) {
				if (isMissing(error)) return null;
				throw error;
			}
		},

		async delete(key) {
			await unlink(pathOf(key)).catch((error: unknown) => {
				if (!isMissing(error)) throw error;
			});
		},

		async *list(prefix = '') {
			checkPrefix(prefix);
			// Walk only the deepest folder the prefix names; the rest of the prefix filters names.
			const folder = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : '';
			for await (const key of walk(folder === '' ? base : path.join(base, folder), folder)) {
				if (key.startsWith(prefix)) yield key;
			}
		},

		async move(from, to) {
			const source = pathOf(from);
			const target = pathOf(to);
			const info = await stat(source).catch((error: unknown) => {
				throw isMissing(error) ? objectNotFound(error) : error;
			});
			if (!info.isFile()) throw objectNotFound();
			await mkdir(path.dirname(target), { recursive: true });
			await rename(source, target).catch((error: unknown) => {
				throw (error as NodeJS.ErrnoException).code === 'ENOENT' ? objectNotFound(error) : error;
			});
		},
	};
}

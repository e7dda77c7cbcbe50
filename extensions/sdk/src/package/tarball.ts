import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { Parser, type ReadEntry } from 'tar';

export interface TarballContents {
	/** Every regular file, by its path inside the package (the `package/` folder stripped), with its sha256 in hex. */
	files: Record<string, string>;
	/** The parsed `package.json`. */
	packageJson: Record<string, unknown>;
	readme?: string;
}

/** Files larger than this inside one package are refused: an extension is code, not data. */
const maxFileBytes = 50 * 1024 * 1024;
/** A package with more files than this is refused (a zip-bomb of tiny files). */
const maxFiles = 10_000;

/**
 * Reads an npm tarball (gzip'd tar whose entries sit under one top folder, `package/` by
 * convention): each file's sha256, the package.json and the README. Links, devices and paths
 * that climb out of the package are refused, so what is hashed is what an unpack writes.
 */
export async function readTarball(tarball: Buffer): Promise<TarballContents> {
	const files: Record<string, string> = Object.create(null);
	let packageJson: Record<string, unknown> | undefined;
	let readme: string | undefined;
	let count = 0;
	await new Promise<void>((resolve, reject) => {
		const parser = new Parser({ strict: true });
		parser.on('entry', (entry: ReadEntry) => {
			const inside = packagePath(entry.path);
			if (entry.type === 'Directory') return entry.resume();
			if (entry.type !== 'File' && entry.type !== 'OldFile' && entry.type !== 'ContiguousFile') {
				parser.abort(new Error(`The package holds "${entry.path}", a ${entry.type}; only files and folders are allowed.`));
				return;
			}
			if (!inside) {
				parser.abort(new Error(`The package holds "${entry.path}", which is outside the package folder.`));
				return;
			}
			if (++count > maxFiles) {
				parser.abort(new Error(`The package holds more than ${maxFiles} files.`));
				return;
			}
			const hash = createHash('sha256');
			const chunks: Buffer[] = [];
			let size = 0;
			const keep = inside === 'package.json' || /^readme(\.md|\.markdown|\.txt)?$/i.test(inside);
			entry.on('data', (chunk: Buffer) => {
				size += chunk.length;
				if (size > maxFileBytes) parser.abort(new Error(`"${inside}" is larger than ${maxFileBytes} bytes.`));
				hash.update(chunk);
				if (keep) chunks.push(chunk);
			});
			entry.on('end', () => {
				files[inside] = hash.digest('hex');
				if (inside === 'package.json') {
					try {
						packageJson = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
					} catch {
						parser.abort(new Error('The package.json inside the package is not valid JSON.'));
					}
				} else if (keep) readme = Buffer.concat(chunks).toString('utf8');
			});
		});
		parser.on('abort', (error: Error) => reject(error));
		parser.on('error', (error: Error) => reject(error));
		parser.on('end', () => resolve());
		Readable.from([tarball]).pipe(parser).on('error', reject);
	});
	if (!packageJson) throw new Error('The package has no package.json.');
	return { files: { ...files }, packageJson, ...(readme !== undefined ? { readme } : {}) };
}

/** `package/dist/index.js` → `dist/index.js`; null for anything that is not a safe path inside the top folder. */
export function packagePath(entryPath: string): string | null {
	const parts = entryPath
		.replace(/\\/g, '/')
		.split('/')
		.filter((part) => part !== '' && part !== '.');
	if (parts.length < 2 || parts.some((part) => part === '..')) return null;
	return parts.slice(1).join('/');
}

import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { extract } from 'tar';

/** Marks a folder as placed from the registry, so that an uninstall on another instance removes it here too. */
const marker = '.mantle-registry';

/** The folder of an installed extension: `<EXTENSIONS_PATH>/<name>`, `@scope/name` nested as npm does. */
export function extensionFolder(extensionsPath: string, name: string): string {
	const folder = path.resolve(extensionsPath, ...name.split('/'));
	if (!folder.startsWith(path.resolve(extensionsPath) + path.sep)) throw new Error(`"${name}" does not name a folder inside the extensions folder.`);
	return folder;
}

/**
 * Unpacks a verified tarball beside the extensions (a dot-folder the loader passes over), then
 * swaps it in with renames: a running kernel sees the old version or the new one, never half of
 * either, and a failure leaves the old one in place.
 */
export async function placePackage(extensionsPath: string, name: string, tarball: Buffer): Promise<void> {
	const target = extensionFolder(extensionsPath, name);
	const staging = path.join(extensionsPath, `.staging-${randomBytes(6).toString('hex')}`);
	mkdirSync(staging, { recursive: true });
	try {
		// Only files and folders: the tarball was read and hashed entry by entry before, and links were refused there.
		await pipeline(
			Readable.from([tarball]),
			extract({ cwd: staging, strip: 1, strict: true, filter: (_path, entry) => 'type' in entry && (entry.type === 'File' || entry.type === 'Directory') }),
		);
		writeFileSync(path.join(staging, marker), `${JSON.stringify({ name })}\n`);
		mkdirSync(path.dirname(target), { recursive: true });
		const retired = `${staging}-old`;
		if (existsSync(target)) renameSync(target, retired);
		renameSync(staging, target);
		rmSync(retired, { recursive: true, force: true });
	} finally {
		rmSync(staging, { recursive: true, force: true });
	}
}

export function removePackage(extensionsPath: string, name: string): void {
	rmSync(extensionFolder(extensionsPath, name), { recursive: true, force: true });
	if (name.startsWith('@')) {
		const scope = path.dirname(extensionFolder(extensionsPath, name));
		try {
			rmdirSync(scope);
		} catch {
			// other packages of the scope remain
		}
	}
}

/** The names of the extensions in the folder that were placed from the registry. */
export function registryFolders(extensionsPath: string): string[] {
	if (!existsSync(extensionsPath)) return [];
	const names: string[] = [];
	for (const entry of readdirSync(extensionsPath)) {
		if (entry.startsWith('.')) continue;
		const candidates = entry.startsWith('@') ? readdirSync(path.join(extensionsPath, entry)).map((inner) => `${entry}/${inner}`) : [entry];
		for (const name of candidates) if (existsSync(path.join(extensionsPath, name, marker))) names.push(name);
	}
	return names;
}

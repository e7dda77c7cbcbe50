import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { CliError } from './errors.js';
import { readExtension } from './package-info.js';
import { validateExtension } from './validate.js';

export interface LinkOptions {
	copy?: boolean;
	/** Replace a folder already there that this command did not make. */
	force?: boolean;
}

/** Left out of a link or copy: the instance needs only the manifest and the built files. */
const skipped = new Set(['node_modules', '.git']);

/**
 * Puts the extension into an instance's EXTENSIONS_PATH as `<package name>/`. The folder itself
 * is real and its entries are links: the kernel passes over a top-level symlink when it scans
 * EXTENSIONS_PATH, while links inside a folder are followed, so rebuilds show on the next reload.
 */
export async function linkExtension(folder: string, extensionsPath: string, { copy = false, force = false }: LinkOptions = {}): Promise<string> {
	const problems = await validateExtension(folder);
	if (problems.length > 0) throw new CliError([`${folder} is not ready to link:`, ...problems]);
	const { name } = readExtension(folder);
	const target = path.join(path.resolve(extensionsPath), ...name.split('/'));
	if (path.resolve(folder) === target) throw new CliError(`${folder} is already in ${extensionsPath}.`);
	if (existsSync(target) || isSymlink(target)) {
		if (!force && !madeByLink(target)) throw new CliError(`${target} already exists: pass --force to replace it.`);
		rmSync(target, { recursive: true, force: true });
	}
	mkdirSync(target, { recursive: true });
	for (const entry of readdirSync(folder)) {
		if (skipped.has(entry)) continue;
		const from = path.resolve(folder, entry);
		const to = path.join(target, entry);
		if (copy) cpSync(from, to, { recursive: true, dereference: true });
		else symlinkSync(from, to, lstatSync(from).isDirectory() ? 'junction' : 'file');
	}
	return target;
}

function isSymlink(file: string): boolean {
	try {
		return lstatSync(file).isSymbolicLink();
	} catch {
		return false;
	}
}

/** A folder an earlier `link` made: its package.json is a link, so replacing it loses nothing. */
function madeByLink(target: string): boolean {
	return isSymlink(target) || isSymlink(path.join(target, 'package.json'));
}

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ManifestError, parseManifest, type ExtensionManifest } from '../manifest.js';
import { CliError } from './errors.js';

export interface ExtensionPackage {
	folder: string;
	name: string;
	packageJson: Record<string, unknown>;
	manifest: ExtensionManifest;
}

export function readPackageJson(folder: string): Record<string, unknown> {
	const file = path.join(folder, 'package.json');
	if (!existsSync(file))
		throw new CliError(`${folder} has no package.json: run this in an extension's folder, or create one with \`mantle-extension create\`.`);
	try {
		return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
	} catch (error) {
		throw new CliError(`${file} is not valid JSON: ${(error as Error).message}`);
	}
}

/** The extension in `folder`, its manifest validated by the same rules the kernel applies. */
export function readExtension(folder: string): ExtensionPackage {
	const packageJson = readPackageJson(folder);
	const name = typeof packageJson.name === 'string' ? packageJson.name : path.basename(folder);
	try {
		return { folder, name, packageJson, manifest: parseManifest(name, packageJson['mantle:extension']) };
	} catch (error) {
		if (error instanceof ManifestError) throw new CliError(error.message);
		throw error;
	}
}

/** This SDK's own version: scaffolds target the kernel released with it. */
export function sdkVersion(): string {
	const own = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
	return own.version;
}

/**
 * This SDK's entry module, bundled into app extensions. Taking the CLI's own copy means an
 * extension needs no `npm install` to build, and always gets the SDK it was built with.
 */
export function sdkEntry(): string {
	const here = path.dirname(fileURLToPath(import.meta.url));
	const built = path.join(here, '../index.js');
	return existsSync(built) ? built : path.join(here, '../index.ts');
}

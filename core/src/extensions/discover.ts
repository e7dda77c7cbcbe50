import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type ExtensionOrigin = 'first-party' | 'local' | 'registry';

export interface ExtensionCandidate {
	folder: string;
	origin: ExtensionOrigin;
	packageJson: { name?: string; version?: string; 'mantle:extension'?: unknown };
}

/** The first-party extensions the kernel ships with, as package names it depends on. */
export const firstPartyExtensions = [
	'@mantle/extension-server',
	'@mantle/extension-collections',
	'@mantle/extension-fields',
	'@mantle/extension-relations',
	'@mantle/extension-utils',
	'@mantle/extension-schema',
	'@mantle/extension-extensions',
	'@mantle/extension-auth',
	'@mantle/extension-users',
	'@mantle/extension-items',
	'@mantle/extension-activity',
	'@mantle/extension-revisions',
	'@mantle/extension-roles',
	'@mantle/extension-policies',
	'@mantle/extension-access',
	'@mantle/extension-permissions',
	'@mantle/extension-files',
	'@mantle/extension-folders',
	'@mantle/extension-assets',
	'@mantle/extension-settings',
	'@mantle/extension-presets',
	'@mantle/extension-notifications',
	'@mantle/extension-comments',
	'@mantle/extension-shares',
	'@mantle/extension-translations',
	'@mantle/extension-dashboards',
	'@mantle/extension-panels',
	'@mantle/extension-versions',
	'@mantle/extension-metrics',
	'@mantle/extension-graphql',
	'@mantle/extension-flows',
	'@mantle/extension-operations',
	'@mantle/extension-operation-condition',
	'@mantle/extension-operation-exec',
	'@mantle/extension-operation-request',
	'@mantle/extension-operation-mail',
	'@mantle/extension-operation-item-create',
	'@mantle/extension-operation-item-read',
	'@mantle/extension-operation-item-update',
	'@mantle/extension-operation-item-delete',
	'@mantle/extension-operation-log',
	'@mantle/extension-operation-transform',
	'@mantle/extension-operation-trigger',
	'@mantle/extension-operation-sleep',
	'@mantle/extension-operation-notification',
	'@mantle/extension-operation-throw-error',
	'@mantle/extension-operation-json-web-token',
] as const;

const require = createRequire(import.meta.url);

export function firstPartyCandidates(): ExtensionCandidate[] {
	return firstPartyExtensions.map((name) => {
		const folder = path.dirname(require.resolve(`${name}/package.json`));
		return { folder, origin: 'first-party', packageJson: readPackageJson(folder) };
	});
}

/**
 * Extensions an operator placed under `EXTENSIONS_PATH`: every folder (or `@scope/name` folder)
 * whose package.json has a `mantle:extension` block. A folder without one is not an extension
 * and is passed over; a folder whose package.json cannot be read is reported as a failure.
 */
export function localCandidates(extensionsPath: string): Array<ExtensionCandidate | { folder: string; error: Error }> {
	if (!existsSync(extensionsPath)) return [];
	const folders: string[] = [];
	for (const name of subfolders(extensionsPath)) {
		const folder = path.join(extensionsPath, name);
		if (name.startsWith('@')) for (const scoped of subfolders(folder)) folders.push(path.join(folder, scoped));
		else folders.push(folder);
	}
	const candidates: Array<ExtensionCandidate | { folder: string; error: Error }> = [];
	for (const folder of folders.sort()) {
		if (!existsSync(path.join(folder, 'package.json'))) continue;
		try {
			const packageJson = readPackageJson(folder);
			if (packageJson['mantle:extension'] !== undefined) candidates.push({ folder, origin: 'local', packageJson });
		} catch (error) {
			candidates.push({ folder, error: error as Error });
		}
	}
	return candidates;
}

/** Folder names below `parent`, following symlinks (`mantle-extension link` makes them), hidden ones left out. */
function subfolders(parent: string): string[] {
	return readdirSync(parent).filter((name) => {
		if (name.startsWith('.')) return false;
		try {
			return statSync(path.join(parent, name)).isDirectory();
		} catch {
			return false; // a dangling link is no extension
		}
	});
}

function readPackageJson(folder: string): ExtensionCandidate['packageJson'] {
	return JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8'));
}

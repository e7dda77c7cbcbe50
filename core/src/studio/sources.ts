import { readFile, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ServerRoute } from '@hapi/hapi';
import { builtModules, type EntryType } from '@mantle/extensions-sdk';
import { createError } from '../errors/index.js';
import type { ExtensionHost } from '../extensions/host.js';
import { parseManifest } from '../extensions/manifest.js';
import { contentTypeOf } from './content-type.js';

const require = createRequire(import.meta.url);

/** The Studio's own interfaces, displays and layouts: bundles the Studio always loads. */
export const firstPartyAppExtensions = ['@mantle/extension-interfaces', '@mantle/extension-displays', '@mantle/extension-layouts'];
const appTypes = new Set<EntryType>(['interface', 'display', 'layout', 'panel']);

/** One module the Studio imports. */
export interface AppModule {
	extension: string;
	type: EntryType;
	/** The entry's name in a bundle. */
	name?: string;
	url: string;
}

interface AppPackage {
	name: string;
	folder: string;
	modules: Array<{ type: EntryType; name?: string; source: string }>;
}

function readPackage(name: string, folder: string): AppPackage | undefined {
	const packageJson = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as Record<string, unknown>;
	const manifest = parseManifest(name, packageJson['mantle:extension']);
	const modules = builtModules(manifest).filter((module) => appTypes.has(module.type));
	return modules.length > 0 ? { name, folder, modules } : undefined;
}

/**
 * The app extensions to serve: the first-party bundles, then every app extension the host loaded
 * and an admin has not disabled. Read at each request, so one installed and reloaded shows at the
 * Studio's next page load, with no rebuild.
 */
function appPackages(host: ExtensionHost): AppPackage[] {
	const packages: AppPackage[] = [];
	for (const name of firstPartyAppExtensions) {
		try {
			const found = readPackage(name, path.dirname(require.resolve(`${name}/package.json`)));
			if (found) packages.push(found);
		} catch {
			// Not installed (a trimmed deployment): the Studio works with what there is.
		}
	}
	for (const record of host.list()) {
		// A bundle counts for the entries of app types it holds (readPackage keeps only those).
		if (record.status !== 'loaded' || !record.enabled || !record.type || (record.type !== 'bundle' && !appTypes.has(record.type as EntryType))) continue;
		try {
			const found = readPackage(record.name, record.folder);
			if (found && !packages.some((known) => known.name === found.name)) packages.push(found);
		} catch {
			// The host read this manifest a moment ago; a package being replaced right now is skipped.
		}
	}
	return packages;
}

/** `@scope/name` travels in one path segment as `@scope+name`; npm names never hold a `+`. */
const encodeName = (name: string) => name.replace('/', '+');
const decodeName = (segment: string) => segment.replace('+', '/');

async function moduleUrl(pkg: AppPackage, source: string): Promise<string> {
	// The file's change time in the URL: a reinstalled extension is fetched afresh, an unchanged one from cache.
	const changed = await stat(path.join(pkg.folder, source)).then(
		(info) => Math.round(info.mtimeMs).toString(36),
		() => '0',
	);
	return `/extensions/sources/${encodeName(pkg.name)}/${source}?v=${changed}`;
}

export function appExtensionSourceRoutes(host: ExtensionHost): ServerRoute[] {
	const notFound = (requestPath: string) => createError('routeMissing', { path: requestPath });
	return [
		{
			method: 'GET',
			path: '/extensions/sources/index.json',
			handler: async (_request, h) => {
				const modules: AppModule[] = [];
				for (const pkg of appPackages(host)) {
					for (const module of pkg.modules)
						modules.push({ extension: pkg.name, type: module.type, ...(module.name ? { name: module.name } : {}), url: await moduleUrl(pkg, module.source) });
				}
				return h.response({ data: modules }).header('cache-control', 'no-cache');
			},
		},
		{
			method: 'GET',
			path: '/extensions/sources/{extension}/{file*}',
			handler: async (request, h) => {
				const name = decodeName(request.params.extension as string);
				const pkg = appPackages(host).find((candidate) => candidate.name === name);
				if (!pkg) throw notFound(request.path);
				// Only the built modules' own folders, and only code: never package.json or the sources.
				const file = path.resolve(pkg.folder, request.params.file as string);
				const allowed = pkg.modules.some((module) => path.dirname(path.resolve(pkg.folder, module.source)) === path.dirname(file));
				if (!allowed || !/\.(m?js|css|map)$/.test(file)) throw notFound(request.path);
				const body = await readFile(file).catch(() => {
					throw notFound(request.path);
				});
				return h.response(body).type(contentTypeOf(file)).header('cache-control', 'no-cache').header('x-content-type-options', 'nosniff');
			},
		},
	];
}

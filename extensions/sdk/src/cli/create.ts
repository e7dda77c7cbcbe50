import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { appExtensionTypes, extensionTypes, parseManifest, type BundleEntry, type EntryType, type ExtensionManifest, type ExtensionType } from '../manifest.js';
import { CliError } from './errors.js';
import { sdkVersion } from './package-info.js';
import { readmeTemplate, sourceTemplate } from './templates.js';

export interface CreateOptions {
	/** Where the package goes; defaults to `./<name without scope>`. */
	dir?: string;
	language?: 'ts' | 'js';
	cwd?: string;
}

const packageNamePattern = /^(?:@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/;

/** The id the extension answers to: the package name without scope and `mantle-extension-` prefix. */
export function idFromName(name: string): string {
	return name
		.replace(/^@[^/]+\//, '')
		.replace(/^mantle-extension-/, '')
		.replace(/[^a-z0-9_-]/g, '-');
}

export function createExtension(type: string, name: string, { dir, language = 'ts', cwd = process.cwd() }: CreateOptions = {}): string {
	if (!(extensionTypes as readonly string[]).includes(type)) throw new CliError(`Unknown extension type "${type}": use one of ${extensionTypes.join(', ')}.`);
	if (!packageNamePattern.test(name))
		throw new CliError(`"${name}" is not a valid npm package name: use lower-case letters, digits, ".", "-" or "_", optionally under an @scope/.`);
	if (language !== 'ts' && language !== 'js') throw new CliError(`--language must be ts or js, not "${String(language)}".`);
	const folder = path.resolve(cwd, dir ?? idFromName(name));
	if (existsSync(folder) && readdirSync(folder).length > 0) throw new CliError(`${folder} already exists and is not empty.`);

	const id = idFromName(name);
	const version = semver.parse(sdkVersion())!;
	const manifest: ExtensionManifest =
		type === 'bundle'
			? { type, host: `^${version.major}.${version.minor}`, source: 'dist', entries: bundleEntries(id) }
			: { type: type as ExtensionType, host: `^${version.major}.${version.minor}`, source: 'dist/index.js' };
	parseManifest(name, manifest);

	const sources: Array<[string, string]> = manifest.entries?.map((entry) => [
		path.join('src', entry.name, `index.${language}`),
		sourceTemplate(entry.type, entry.name, language === 'ts'),
	]) ?? [[path.join('src', `index.${language}`), sourceTemplate(type as EntryType, id, language === 'ts')]];
	const usesPreact = (manifest.entries?.map((entry) => entry.type) ?? [type]).some((each) => (appExtensionTypes as readonly string[]).includes(each));

	mkdirSync(folder, { recursive: true });
	writeJson(path.join(folder, 'package.json'), {
		name,
		version: '0.1.0',
		description: `A Mantle ${type} extension.`,
		type: 'module',
		keywords: ['mantle-extension', `mantle-extension-${type}`],
		files: ['dist', 'README.md'],
		'mantle:extension': manifest,
		scripts: { build: 'mantle-extension build', dev: 'mantle-extension build --watch', validate: 'mantle-extension validate' },
		// The kernel and the Studio provide these at runtime; they are here for types and the CLI.
		devDependencies: { '@mantle/extensions-sdk': `^${version.version}` },
		...(usesPreact ? { peerDependencies: { preact: '>=10' } } : {}),
	});
	for (const [file, text] of sources) {
		mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
		writeFileSync(path.join(folder, file), text);
	}
	writeFileSync(path.join(folder, 'README.md'), readmeTemplate(name, type, manifest.entries?.map((entry) => entry.name) ?? []));
	writeFileSync(path.join(folder, '.gitignore'), 'node_modules\ndist\n');
	return folder;
}

/** A bundle starts with one server and one app entry, to show both halves. */
function bundleEntries(id: string): BundleEntry[] {
	return [
		{ type: 'endpoint', name: id },
		{ type: 'interface', name: `${id}-input` },
	];
}

function writeJson(file: string, value: unknown): void {
	writeFileSync(file, `${JSON.stringify(value, null, '\t')}\n`);
}

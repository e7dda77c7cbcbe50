import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import type { EntryType } from '../manifest.js';
import { isServerExtension } from '../manifest.js';

export const sdkSpecifier = '@mantle/extensions-sdk';

/** The Studio provides these to every app extension; everything else must be bundled. */
export const studioProvided = ['preact', 'preact/hooks', 'preact/jsx-runtime'];

/** The only bare specifiers a built module of this type may leave unbundled. */
export function allowedImports(type: EntryType): string[] {
	return isServerExtension(type) ? [sdkSpecifier] : studioProvided;
}

export interface ForeignImport {
	specifier: string;
	/** The source file that imports it, relative to the extension's folder, when known. */
	importer?: string;
}

/** The external imports esbuild left in an output, with the input that asked for each. */
export function foreignImportsOfBuild(metafile: Metafile, allowed: string[]): ForeignImport[] {
	const found = new Map<string, ForeignImport>();
	for (const output of Object.values(metafile.outputs)) {
		for (const entry of output.imports) {
			if (!allowed.includes(entry.path) && !found.has(entry.path)) found.set(entry.path, { specifier: entry.path });
		}
	}
	for (const [input, { imports }] of Object.entries(metafile.inputs)) {
		for (const entry of imports) {
			const foreign = found.get(entry.path);
			if (entry.external && foreign && !foreign.importer) foreign.importer = input;
		}
	}
	return [...found.values()];
}

/**
 * The imports an already built module makes, read back from the file itself: static and
 * dynamic `import`s, and the `__require("x")` calls esbuild leaves for CommonJS code that
 * required a module it did not bundle.
 */
export async function importsOfFile(file: string): Promise<string[]> {
	const result = await build({
		entryPoints: [file],
		bundle: true,
		write: false,
		metafile: true,
		format: 'esm',
		logLevel: 'silent',
		plugins: [
			{
				name: 'everything-external',
				setup(setup) {
					setup.onResolve({ filter: /.*/ }, (args) => (args.kind === 'entry-point' ? undefined : { path: args.path, external: true }));
				},
			},
		],
	});
	const specifiers = new Set<string>();
	for (const input of Object.values(result.metafile.inputs)) for (const entry of input.imports) specifiers.add(entry.path);
	for (const match of readFileSync(file, 'utf8').matchAll(/\b__require\(\s*["']([^"']+)["']\s*\)/g)) specifiers.add(match[1]!);
	return [...specifiers];
}

export function describeForeignImport(type: EntryType, source: string, foreign: ForeignImport, folder: string): string {
	const by = foreign.importer ? ` (imported by ${path.relative(folder, path.resolve(folder, foreign.importer))})` : '';
	if (isServerExtension(type)) {
		return `${source} imports "${foreign.specifier}"${by}, but ${withArticle(type)} extension may import only ${sdkSpecifier}: bundle the package, or use the context (ctx.request, ctx.items, ctx.env, ctx.sleep, ctx.log) instead of Node built-ins.`;
	}
	return `${source} imports "${foreign.specifier}"${by}, but the Studio provides only ${studioProvided.join(', ')} to ${withArticle(type)} extension: bundle the package instead.`;
}

function withArticle(type: string): string {
	return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}

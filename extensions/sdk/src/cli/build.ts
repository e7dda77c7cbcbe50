import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { context, type BuildOptions, type BuildResult, type Message, type Plugin } from 'esbuild';
import { builtModules, isServerExtension, type BuiltModule } from '../manifest.js';
import { CliError } from './errors.js';
import { allowedImports, describeForeignImport, foreignImportsOfBuild, sdkSpecifier, studioProvided } from './imports.js';
import { readExtension, sdkEntry, type ExtensionPackage } from './package-info.js';

const entryExtensions = ['.ts', '.tsx', '.mts', '.js', '.jsx', '.mjs'];

export interface BuildOutcome {
	source: string;
	problems: string[];
}

export interface BuildCommandOptions {
	watch?: boolean;
	/** Where progress goes; the CLI passes stdout. */
	report?: (line: string) => void;
	/** Where problems found while watching go; the CLI passes stderr. */
	complain?: (line: string) => void;
}

/** The source a module is built from: `src/index.*`, or `src/<entry name>/index.*` in a bundle. */
export function entryPointOf(folder: string, module: BuiltModule): string {
	const base = path.join(folder, 'src', ...(module.name ? [module.name] : []), 'index');
	const found = entryExtensions.map((extension) => base + extension).find((file) => existsSync(file));
	if (!found)
		throw new CliError(`${path.relative(folder, base)}.ts (or ${entryExtensions.slice(1).join(', ')}) is missing: it is what ${module.source} is built from.`);
	return found;
}

/** App extensions get this SDK bundled in; it has no side effects, so only what they use stays. */
const sdkFromThisCli: Plugin = {
	name: 'mantle-sdk',
	setup(setup) {
		setup.onResolve({ filter: /^@mantle\/extensions-sdk$/ }, () => ({ path: sdkEntry(), sideEffects: false }));
	},
};

function optionsFor(extension: ExtensionPackage, module: BuiltModule): BuildOptions {
	const common: BuildOptions = {
		absWorkingDir: extension.folder,
		entryPoints: [entryPointOf(extension.folder, module)],
		outfile: path.join(extension.folder, module.source),
		bundle: true,
		format: 'esm',
		write: false,
		metafile: true,
		logLevel: 'silent',
		legalComments: 'none',
		jsx: 'automatic',
		jsxImportSource: 'preact',
	};
	if (isServerExtension(module.type)) {
		// The kernel (or the sandbox) supplies the SDK; everything else travels inside the module.
		return { ...common, platform: 'node', target: 'node20', external: [sdkSpecifier] };
	}
	return { ...common, platform: 'browser', target: 'es2022', external: studioProvided, plugins: [sdkFromThisCli] };
}

function formatMessage(folder: string, message: Message): string {
	const where = message.location
		? `${path.relative(folder, path.resolve(folder, message.location.file))}:${message.location.line}:${message.location.column}: `
		: '';
	return `${where}${message.text}`;
}

/**
 * Checks one finished build and writes it only when it is sound, so a refused build never
 * leaves a module the kernel would try to load.
 */
function settle(extension: ExtensionPackage, module: BuiltModule, result: BuildResult): BuildOutcome {
	const problems = result.errors.map((message) => formatMessage(extension.folder, message));
	if (problems.length === 0 && result.metafile) {
		for (const foreign of foreignImportsOfBuild(result.metafile, allowedImports(module.type))) {
			problems.push(describeForeignImport(module.type, module.source, foreign, extension.folder));
		}
	}
	if (problems.length === 0) {
		for (const file of result.outputFiles ?? []) {
			mkdirSync(path.dirname(file.path), { recursive: true });
			writeFileSync(file.path, file.contents);
		}
	}
	return { source: module.source, problems };
}

/** Builds every module the manifest promises; rejects with every problem found, by module. */
export async function buildExtension(
	folder: string,
	{ watch = false, report = () => {}, complain = report }: BuildCommandOptions = {},
): Promise<BuildOutcome[]> {
	const extension = readExtension(folder);
	const modules = builtModules(extension.manifest);
	const outcomes: BuildOutcome[] = [];
	const contexts = await Promise.all(
		modules.map(async (module) => {
			const options = optionsFor(extension, module);
			let first = true;
			const reporter: Plugin = {
				name: 'mantle-report',
				setup(setup) {
					setup.onEnd((result) => {
						const outcome = settle(extension, module, result);
						if (first) outcomes.push(outcome);
						else if (outcome.problems.length > 0) complain(outcome.problems.join('\n'));
						else report(`rebuilt ${outcome.source}`);
						first = false;
					});
				},
			};
			return context({ ...options, plugins: [...(options.plugins ?? []), reporter] });
		}),
	);
	try {
		for (const ctx of contexts) await ctx.rebuild().catch(() => undefined);
	} finally {
		if (!watch) await Promise.all(contexts.map((ctx) => ctx.dispose()));
	}
	const problems = outcomes.flatMap((outcome) => outcome.problems);
	if (problems.length > 0 && !watch) throw new CliError(problems);
	for (const outcome of outcomes) {
		if (outcome.problems.length > 0) complain(outcome.problems.join('\n'));
		else report(`built ${outcome.source}`);
	}
	if (watch) {
		for (const ctx of contexts) await ctx.watch();
		report('watching for changes (Ctrl+C to stop)');
	}
	return outcomes;
}

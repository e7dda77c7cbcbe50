// Bundles the Studio for the browser and the first-party app extensions (interfaces, displays,
// layouts) as the ES modules the Studio imports at runtime. `scripts/build.mjs` calls this; it
// can also run alone (`node studio/app/build.mjs`).
//
// Preact is one set of modules shared by the Studio and every app extension (hooks only work with
// the single instance that renders them), so it is built as its own modules and reached through
// the import map in index.html under the bare names extensions are built against.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
/** The bare names the Studio provides; app extensions are built with these left external. */
const provided = { preact: 'preact', 'preact/hooks': 'preact-hooks', 'preact/jsx-runtime': 'preact-jsx-runtime' };
const external = Object.keys(provided);
export const appExtensionPackages = ['extensions/interfaces', 'extensions/displays', 'extensions/layouts'];

/** Builds into a staging folder and swaps it in, so a server reading the old one never sees half. */
async function swapInto(outdir, fill) {
	const staging = `${outdir}.building-${process.pid}`;
	rmSync(staging, { recursive: true, force: true });
	mkdirSync(staging, { recursive: true });
	try {
		await fill(staging);
	} catch (error) {
		rmSync(staging, { recursive: true, force: true });
		throw error;
	}
	const retired = `${outdir}.old-${process.pid}`;
	if (existsSync(outdir)) renameSync(outdir, retired);
	renameSync(staging, outdir);
	rmSync(retired, { recursive: true, force: true });
}

const browser = {
	bundle: true,
	format: 'esm',
	platform: 'browser',
	target: 'es2022',
	minify: true,
	legalComments: 'none',
	jsx: 'automatic',
	jsxImportSource: 'preact',
	logLevel: 'warning',
};

async function buildStudio() {
	const outdir = path.join(here, 'dist');
	await swapInto(outdir, async (staging) => {
		const assets = path.join(staging, 'assets');
		// Each provided module imports the others by their bare names, so there is one preact.
		const imports = {};
		for (const [specifier, name] of Object.entries(provided)) {
			const result = await build({
				...browser,
				entryPoints: { [name]: specifier },
				outdir: assets,
				entryNames: '[name]-[hash]',
				plugins: [externalOthers],
				metafile: true,
			});
			imports[specifier] = `/admin/assets/${path.basename(Object.keys(result.metafile.outputs)[0])}`;
		}
		const app = await build({
			...browser,
			entryPoints: { studio: path.join(here, 'src/main.tsx') },
			outdir: assets,
			entryNames: '[name]-[hash]',
			chunkNames: 'chunk-[hash]',
			assetNames: '[name]-[hash]',
			splitting: true,
			external,
			metafile: true,
			// The SDK is bundled from its sources: only the commands the Studio uses stay.
			alias: { '@mantle/sdk': path.join(root, 'studio/sdk/src/index.ts') },
			loader: { '.css': 'css' },
		});
		const outputs = Object.entries(app.metafile.outputs);
		const script = outputs.find(([file, output]) => output.entryPoint && file.endsWith('.js'))[0];
		const style = outputs.find(([file]) => file.endsWith('.css'))?.[0];
		writeFileSync(path.join(staging, 'index.html'), indexHtml({ imports, script: path.basename(script), style: style && path.basename(style) }));
	});
}

/** Leaves every provided module external except the entry being built. */
const externalOthers = {
	name: 'external-others',
	setup(setup) {
		setup.onResolve({ filter: /^preact(\/hooks|\/jsx-runtime)?$/ }, (args) => (args.kind === 'entry-point' ? undefined : { path: args.path, external: true }));
	},
};

function indexHtml({ imports, script, style }) {
	// The import map is the page's only inline script; the kernel allows it by its hash alone.
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Mantle</title>
<script type="importmap">${JSON.stringify({ imports })}</script>
${style ? `<link rel="stylesheet" href="/admin/assets/${style}">\n` : ''}${Object.values(imports)
		.map((href) => `<link rel="modulepreload" href="${href}">`)
		.join('\n')}
<script type="module" src="/admin/assets/${script}"></script>
</head>
<body>
<div id="app"></div>
<noscript>The Mantle Data Studio needs JavaScript.</noscript>
</body>
</html>
`;
}

/**
 * A first-party app extension package is a bundle: each entry `src/<name>.tsx` becomes
 * `dist/<name>.js`, with code the entries share split into chunks beside them.
 */
async function buildAppExtensions() {
	const sdk = path.join(root, 'extensions/sdk/src/index.ts');
	for (const workspace of appExtensionPackages) {
		const folder = path.join(root, workspace);
		const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8'))['mantle:extension'];
		if (!manifest) continue;
		await swapInto(path.join(folder, 'dist'), async (staging) => {
			await build({
				...browser,
				entryPoints: Object.fromEntries(manifest.entries.map((entry) => [entry.name, path.join(folder, 'src', `${entry.name}.tsx`)])),
				outdir: staging,
				chunkNames: 'chunk-[hash]',
				// Layouts draw the first table: each is one file, so none waits on a shared chunk.
				splitting: workspace !== 'extensions/layouts',
				external,
				plugins: [{ name: 'sdk', setup: (setup) => setup.onResolve({ filter: /^@mantle\/extensions-sdk$/ }, () => ({ path: sdk, sideEffects: false })) }],
			});
		});
	}
}

export async function buildBrowser() {
	await Promise.all([buildStudio(), buildAppExtensions()]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const started = performance.now();
	await buildBrowser();
	if (!process.argv.includes('--quiet')) console.log(`built the Studio in ${Math.round(performance.now() - started)} ms`);
}

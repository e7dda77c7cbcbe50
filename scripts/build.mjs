// Transpiles every workspace's `src/**/*.ts` to `dist/` with esbuild, file by file (no bundling),
// so that `npm start` runs plain JavaScript and first-party extensions have the `dist/index.js`
// their manifests name. Type checking is separate (`npm run typecheck`).
import { readdirSync, readFileSync, renameSync, rmSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { appExtensionPackages, buildBrowser } from '../studio/app/build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const quiet = process.argv.includes('--quiet');
const { workspaces } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

const started = performance.now();
let files = 0;
// Workspace entries may end in `/*` (every folder below), as npm allows.
const folders = workspaces.flatMap((entry) =>
	entry.endsWith('/*')
		? readdirSync(path.join(root, entry.slice(0, -2)), { withFileTypes: true })
				.filter((dirent) => dirent.isDirectory())
				.map((dirent) => `${entry.slice(0, -2)}/${dirent.name}`)
		: [entry],
);
for (const workspace of folders) {
	// The Studio and its app extensions are bundled for the browser below, not transpiled for Node.
	if (workspace === 'studio/app' || appExtensionPackages.includes(workspace)) continue;
	const src = path.join(root, workspace, 'src');
	if (!existsSync(src)) continue;
	const entryPoints = readdirSync(src, { recursive: true, encoding: 'utf8' })
		.filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts'))
		.map((file) => path.join(src, file));
	if (entryPoints.length === 0) continue;
	// Build beside dist/ and swap it in, so a process reading dist/ meanwhile (a running server,
	// a test) never sees it half-written or missing.
	const outdir = path.join(root, workspace, 'dist');
	const staging = `${outdir}.building-${process.pid}`;
	rmSync(staging, { recursive: true, force: true });
	await build({
		entryPoints,
		outdir: staging,
		outbase: src,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		sourcemap: 'linked',
		logLevel: 'warning',
	});
	const retired = `${outdir}.old-${process.pid}`;
	if (existsSync(outdir)) renameSync(outdir, retired);
	renameSync(staging, outdir);
	rmSync(retired, { recursive: true, force: true });
	files += entryPoints.length;
}
await buildBrowser();
if (!quiet) console.log(`built ${files} files in ${Math.round(performance.now() - started)} ms`);

// Transpiles every workspace's `src/**/*.ts` to `dist/` with esbuild, file by file (no bundling),
// so that `npm start` runs plain JavaScript and first-party extensions have the `dist/index.js`
// their manifests name. Type checking is separate (`npm run typecheck`). With `--if-stale` (what
// `npm start` passes) nothing is built when every output is newer than every input.
import { mkdirSync, readdirSync, renameSync, rmSync, existsSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { root, stale, stamp, workspaceFolders } from './build-freshness.mjs';

const quiet = process.argv.includes('--quiet');
const started = performance.now();
const startedAt = new Date();
let files = 0;
const folders = workspaceFolders();

if (process.argv.includes('--if-stale') && !stale()) {
	if (!quiet) console.log('build is up to date');
	process.exit(0);
}
// Loaded only once there is something to build: `npm start` on an up-to-date tree skips their cost.
const { build } = await import('esbuild');
const { appExtensionPackages, buildBrowser } = await import('../studio/app/build.mjs');

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
mkdirSync(path.dirname(stamp), { recursive: true });
// Dated when the build began: a source saved while it ran stays newer than the stamp.
writeFileSync(stamp, `${startedAt.toISOString()}\n`);
utimesSync(stamp, startedAt, startedAt);
if (!quiet) console.log(`built ${files} files in ${Math.round(performance.now() - started)} ms`);

// Transpiles every workspace's `src/**/*.ts` to `dist/` with esbuild, file by file (no bundling),
// so that `npm start` runs plain JavaScript and first-party extensions have the `dist/index.js`
// their manifests name. Type checking is separate (`npm run typecheck`).
import { readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const quiet = process.argv.includes('--quiet');
const { workspaces } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

const started = performance.now();
let files = 0;
for (const workspace of workspaces) {
	const src = path.join(root, workspace, 'src');
	if (!existsSync(src)) continue;
	const entryPoints = readdirSync(src, { recursive: true, encoding: 'utf8' })
		.filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts'))
		.map((file) => path.join(src, file));
	if (entryPoints.length === 0) continue;
	const outdir = path.join(root, workspace, 'dist');
	rmSync(outdir, { recursive: true, force: true });
	await build({
		entryPoints,
		outdir,
		outbase: src,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		sourcemap: 'linked',
		logLevel: 'warning',
	});
	files += entryPoints.length;
}
if (!quiet) console.log(`built ${files} files in ${Math.round(performance.now() - started)} ms`);

// Whether `scripts/build.mjs` would change anything, without loading esbuild: what `npm start`
// asks before every start, so it reads only the file system, and as little of it as it can.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Written after a whole build: its time is when the outputs were last made complete. */
export const stamp = path.join(root, 'node_modules/.cache/mantle/build-stamp');

/** The workspace folders; entries may end in `/*` (every folder below), as npm allows. */
export function workspaceFolders() {
	const { workspaces } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
	return workspaces.flatMap((entry) =>
		entry.endsWith('/*')
			? readdirSync(path.join(root, entry.slice(0, -2)), { withFileTypes: true })
					.filter((dirent) => dirent.isDirectory())
					.map((dirent) => `${entry.slice(0, -2)}/${dirent.name}`)
			: [entry],
	);
}

/**
 * Whether some source, folder (a deleted file changes its folder's time), package.json or build
 * script is newer than the stamp, or a dist/ is missing. Every source is looked at: an editor that
 * saves in place changes only the file's own time. The walk reads each folder once, with its
 * entries' types, and stats files only; it stops at the first newer one.
 */
export function stale() {
	const built = statSync(stamp, { throwIfNoEntry: false })?.mtimeMs;
	if (built === undefined) return true;
	const newer = (file) => (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? Number.POSITIVE_INFINITY) > built;
	const scripts = ['scripts/build.mjs', 'scripts/build-freshness.mjs', 'studio/app/build.mjs', 'package.json'].map((file) => path.join(root, file));
	if (scripts.some(newer)) return true;
	const newerIn = (folder) => {
		if (newer(folder)) return true;
		for (const entry of readdirSync(folder, { withFileTypes: true })) {
			const full = path.join(folder, entry.name);
			if (entry.isDirectory() ? newerIn(full) : newer(full)) return true;
		}
		return false;
	};
	for (const workspace of workspaceFolders()) {
		const src = path.join(root, workspace, 'src');
		if (!existsSync(src)) continue;
		if (!existsSync(path.join(root, workspace, 'dist')) || newer(path.join(root, workspace, 'package.json')) || newerIn(src)) return true;
	}
	return false;
}

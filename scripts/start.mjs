// `npm start`: builds first when a source is newer than the last build, then runs `mantle start`
// in this same process. A second Node process for the CLI would cost a start-up of its own,
// more than the freshness check; esbuild is only loaded (by the build, in its own process) when
// there is something to build.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { root, stale } from './build-freshness.mjs';

if (stale()) {
	const built = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--quiet'], { cwd: root, stdio: 'inherit' });
	if (built.status !== 0) process.exit(built.status ?? 1);
}
const cli = path.join(root, 'core/dist/cli/main.js');
// The CLI reads its command from argv, as if started as `node core/dist/cli/main.js start ...`.
process.argv = [process.argv[0], cli, 'start', ...process.argv.slice(2)];
await import(pathToFileURL(cli).href);

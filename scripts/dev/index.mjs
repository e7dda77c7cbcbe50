// `npm run dev`: rebuild on every source change and restart the server on every rebuilt file.
import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const build = () => new Promise((resolve) => spawn(process.execPath, ['scripts/build.mjs', '--quiet'], { cwd: root, stdio: 'inherit' }).once('exit', resolve));

await build();
// node --watch restarts the server whenever a file it imported changes (the built output).
spawn(process.execPath, ['--watch', 'core/dist/cli/main.js', 'start'], { cwd: root, stdio: 'inherit' });

let pending;
for (const folder of ['core/src', 'extensions', 'sandbox/src']) {
	watch(path.join(root, folder), { recursive: true }, (_event, file) => {
		if (!file || !/\.tsx?$/.test(file) || file.includes('dist')) return;
		clearTimeout(pending);
		pending = setTimeout(build, 100);
	});
}

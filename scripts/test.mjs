// Runs every workspace's ava tests and ends with the line CI reads: `N passed, N failed, N skipped`.
// ava's TAP reporter gives exact counts; its lines are passed through so failures stay readable.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const ava = spawn(process.execPath, ['node_modules/ava/entrypoints/cli.mjs', '--tap', ...process.argv.slice(2)], { stdio: ['ignore', 'pipe', 'inherit'] });
const counts = { passed: 0, failed: 0, skipped: 0 };
const lines = createInterface({ input: ava.stdout });
lines.on('line', (line) => {
	console.log(line);
	// One TAP line per test (and per failed file or hook): `ok N - title [# SKIP]` or `not ok N - title`.
	if (/^not ok \d+/.test(line)) counts.failed += 1;
	else if (/^ok \d+ .*# SKIP/.test(line)) counts.skipped += 1;
	else if (/^ok \d+/.test(line)) counts.passed += 1;
});

ava.on('close', (code) => {
	console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
	const ranNothing = counts.passed + counts.failed === 0;
	if (ranNothing) console.error('No test ran.');
	process.exit(code !== 0 || counts.failed > 0 || ranNothing ? 1 : 0);
});

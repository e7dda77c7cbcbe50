// Runs every workspace's ava tests and ends with the line CI reads: `N passed, N failed, N skipped`.
// ava's TAP reporter gives exact counts; its lines are passed through so failures stay readable.
// The run goes through c8, which reads V8's own coverage (source-mapped back to src/), and prints
// line coverage per workspace before the counts; COVERAGE=0 runs the tests alone.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

const root = process.cwd();
const coverage = process.env.COVERAGE !== '0';
const reports = coverage ? mkdtempSync(path.join(os.tmpdir(), 'mantle-coverage-')) : undefined;
const avaArguments = ['node_modules/ava/entrypoints/cli.mjs', '--tap', ...process.argv.slice(2)];
const c8Arguments = [
	'node_modules/c8/bin/c8.js',
	'--reporter=json-summary',
	`--reports-dir=${reports}/report`,
	`--temp-directory=${reports}/raw`,
	'--exclude-after-remap',
	...['core', 'sandbox', 'registry', 'studio/app', 'studio/sdk', 'extensions/*'].map((workspace) => `--include=${workspace}/src/**`),
	process.execPath,
];

const ava = spawn(process.execPath, coverage ? [...c8Arguments, ...avaArguments] : avaArguments, { stdio: ['ignore', 'pipe', 'inherit'] });
const counts = { passed: 0, failed: 0, skipped: 0 };
const lines = createInterface({ input: ava.stdout });
lines.on('line', (line) => {
	console.log(line);
	// One TAP line per test (and per failed file or hook): `ok N - title [# SKIP]` or `not ok N - title`.
	if (/^not ok \d+/.test(line)) counts.failed += 1;
	else if (/^ok \d+ .*# SKIP/.test(line)) counts.skipped += 1;
	else if (/^ok \d+/.test(line)) counts.passed += 1;
});

/** The workspace a covered file belongs to: `core`, `studio/app`, `extensions/items` ... */
function workspaceOf(file) {
	const parts = path.relative(root, file).split(path.sep);
	return parts[0] === 'studio' || parts[0] === 'extensions' ? `${parts[0]}/${parts[1]}` : parts[0];
}

function printCoverage() {
	const summary = JSON.parse(readFileSync(path.join(reports, 'report', 'coverage-summary.json'), 'utf8'));
	const byWorkspace = new Map();
	for (const [file, { lines }] of Object.entries(summary)) {
		if (file === 'total') continue;
		const totals = byWorkspace.get(workspaceOf(file)) ?? { covered: 0, total: 0, files: 0 };
		totals.covered += lines.covered;
		totals.total += lines.total;
		totals.files += 1;
		byWorkspace.set(workspaceOf(file), totals);
	}
	const percent = ({ covered, total }) => (total === 0 ? '-' : `${((covered / total) * 100).toFixed(1)}%`);
	console.log('\nLine coverage of the modules the tests loaded, per workspace:');
	for (const [workspace, totals] of [...byWorkspace].sort(([a], [b]) => a.localeCompare(b))) {
		console.log(`  ${workspace.padEnd(34)} ${percent(totals).padStart(6)}  (${totals.covered}/${totals.total} lines, ${totals.files} files)`);
	}
	console.log(`  ${'all'.padEnd(34)} ${percent(summary.total.lines).padStart(6)}  (${summary.total.lines.covered}/${summary.total.lines.total} lines)`);
}

ava.on('close', (code) => {
	if (reports) {
		try {
			printCoverage();
		} catch (error) {
			console.error(`No coverage report: ${error.message}`);
		}
		rmSync(reports, { recursive: true, force: true });
	}
	console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
	// ava's TAP reporter can stop on a timed-out file before reporting the rest: say so, not just the counts.
	if (code !== 0 && counts.failed === 0) console.error(`ava exited with code ${code} although no test reported a failure: a file timed out or crashed.`);
	const ranNothing = counts.passed + counts.failed === 0;
	if (ranNothing) console.error('No test ran.');
	process.exit(code !== 0 || counts.failed > 0 || ranNothing ? 1 : 0);
});

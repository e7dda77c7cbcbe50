import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import test from 'ava';
import { holdHeapGrowth } from '../src/cli/heap-growth.js';
import { repositoryRoot, runCommand } from './helpers/cli.js';

// A process of its own each time: the setting is V8's, for the whole process, and would reach
// every other test sharing this one.
const moduleUrl = pathToFileURL(path.join(repositoryRoot, 'core/dist/cli/heap-growth.js')).href;

/**
 * Holds 48 MB of live arrays, then allocates short-lived objects that survive long enough to be
 * promoted, as a server's requests do under load, and reports the largest the old generation
 * became (MB) and whether the setting was applied.
 */
const burst = `
import v8 from 'node:v8';
const { holdHeapGrowth } = await import(${JSON.stringify(moduleUrl)});
const applied = holdHeapGrowth(Number(process.argv[1]), []);
const oldSpace = () => v8.getHeapSpaceStatistics().find((space) => space.space_name === 'old_space');
const live = [];
for (let i = 0; i < 480; i++) live.push(new Array(12_500).fill(i));
let recent = [];
let peak = 0;
for (let round = 0; round < 4000; round++) {
	const batch = [];
	for (let i = 0; i < 1000; i++) batch.push({ a: i, b: 'x' + i, c: [i, i + 1] });
	recent.push(batch);
	if (recent.length > 200) recent = [];
	if (round % 10 === 0) peak = Math.max(peak, oldSpace().space_size);
}
console.log(JSON.stringify({ applied, held: live.length, peakMb: peak / 1048576 }));
`;

async function runBurst(percent: number): Promise<{ applied: boolean; held: number; peakMb: number }> {
	const result = await runCommand(process.execPath, ['--input-type=module', '-e', burst, String(percent)], {
		cwd: os.tmpdir(),
		env: { PATH: process.env.PATH },
	});
	if (result.code !== 0) throw new Error(`the burst failed (${result.code}): ${result.stderr}`);
	return JSON.parse(result.stdout);
}

test('held to 50 %, the old generation of a process under a burst of allocation stays well below what V8 lets it grow to on its own', async (t) => {
	const free = await runBurst(0);
	const held = await runBurst(50);
	t.false(free.applied);
	t.true(held.applied);
	t.is(held.held, 480);
	// On its own V8 let it reach 255-345 MB here, held 110-135 MB (48 MB live and up to ~22 MB of
	// batches in flight, times 1.5, plus what is allocated while a collection marks), on an idle
	// machine and on a loaded one alike.
	t.true(held.peakMb < free.peakMb * 0.75, `held ${held.peakMb.toFixed(0)} MB, free ${free.peakMb.toFixed(0)} MB`);
});

test("a --heap-growing-percent given to node is the operator's and is not replaced; 0 leaves V8's own heuristics", (t) => {
	t.false(holdHeapGrowth(50, ['--heap-growing-percent=200']));
	t.false(holdHeapGrowth(50, ['--heap_growing_percent', '200']));
	t.false(holdHeapGrowth(0, []));
});

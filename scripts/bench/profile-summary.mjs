// Reads `.cpuprofile` files (from `node --cpu-prof`, e.g. BENCH_NODE_ARGS="--cpu-prof
// --cpu-prof-dir=/tmp/prof" npm run bench -- items) and prints where the time went: self time
// summed per function and per file or package, largest first.
// Usage: node scripts/bench/profile-summary.mjs <file.cpuprofile | folder> [top=25]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const [target, topArg] = process.argv.slice(2);
if (!target) {
	console.log('usage: node scripts/bench/profile-summary.mjs <file.cpuprofile | folder> [top]');
	process.exit(1);
}
const top = Number(topArg ?? 25);
const files = statSync(target).isDirectory()
	? readdirSync(target)
			.filter((name) => name.endsWith('.cpuprofile'))
			.map((name) => path.join(target, name))
	: [target];

/** A package name for files under node_modules, else the path below the repository. */
function placeOf(url) {
	if (!url) return '(native)';
	const file = url.replace(/^file:\/\//, '');
	const modules = file.lastIndexOf('node_modules/');
	if (modules >= 0) {
		const rest = file.slice(modules + 'node_modules/'.length).split('/');
		return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
	}
	if (file.startsWith('node:')) return file;
	const repo = file.indexOf('/main/');
	return repo >= 0 ? file.slice(repo + '/main/'.length) : file;
}

const byFunction = new Map();
const byPlace = new Map();
let total = 0;
for (const file of files) {
	const profile = JSON.parse(readFileSync(file, 'utf8'));
	const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
	// Samples are node ids; timeDeltas[i] is the time before sample i.
	const self = new Map();
	profile.samples.forEach((id, index) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
	for (const [id, micros] of self) {
		const { callFrame } = nodes.get(id);
		const place = placeOf(callFrame.url);
		const name = `${callFrame.functionName || '(anonymous)'}  ${place}:${callFrame.lineNumber + 1}`;
		byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
		byPlace.set(place, (byPlace.get(place) ?? 0) + micros);
		total += micros;
	}
}

const print = (title, map) => {
	console.log(`\n${title}`);
	for (const [name, micros] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
		console.log(`${((micros / total) * 100).toFixed(1).padStart(5)}%  ${(micros / 1000).toFixed(0).padStart(7)} ms  ${name}`);
};
console.log(`${files.length} profile(s), ${(total / 1000).toFixed(0)} ms sampled`);
print('self time by file or package', byPlace);
print('self time by function', byFunction);

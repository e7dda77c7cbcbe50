// The data cache's worth: two Mantle processes on one scratch database, one with CACHE_ENABLED
// and one without, answering the same list of 100 articles. Runs alternate (off, on, off, on,
// ...) so a machine busy with something else weighs on both alike. `--db` (sqlite, postgres,
// mysql; BENCH_DB), `--duration` (s per run, default 5), `--rounds` (default 3) and `--connections`
// (default 10). With `--store redis` the cached process uses the Redis store at 127.0.0.1:6379.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { adminToken, api, benchOptions, cleanUp, measure, scratchDatabase, startMantle, table, tempFolder } from './lib.mjs';
import { createSchema } from './catalog.mjs';

const route = '/items/articles?limit=100';

function options(args) {
	const { settings, values } = benchOptions(args, { duration: 5, rounds: 3 }, { store: { type: 'string' } });
	const store = values.store ?? 'memory';
	if (!['memory', 'redis'].includes(store)) throw new Error(`--store must be memory or redis (got "${store}")`);
	return { ...settings, store };
}

/** 1,000 articles with text bodies, so a list of 100 is a realistic 30-odd kB answer. */
async function seed(url) {
	const rows = Array.from({ length: 1000 }, (_, i) => ({
		title: `Article ${i + 1}`,
		body: `Body of article ${i + 1}. `.repeat(12),
		status: i % 3 === 0 ? 'draft' : 'published',
		published_on: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString().slice(0, 19),
		views: (i * 37) % 1000,
	}));
	for (let start = 0; start < rows.length; start += 250) await api(url, 'POST', '/items/articles', rows.slice(start, start + 250));
}

export async function run(args) {
	const settings = options(args);
	const loadBefore = os.loadavg()[0];
	try {
		const database = await scratchDatabase(settings.db, tempFolder('mantle-bench-cache-db-'));
		// Each process reads its own .env; the cached one also keeps answers for longer than the run.
		const offFolder = tempFolder('mantle-bench-cache-off-');
		const onFolder = tempFolder('mantle-bench-cache-on-');
		writeFileSync(path.join(offFolder, '.env'), 'CACHE_ENABLED=false\n');
		const store =
			settings.store === 'redis' ? 'CACHE_STORE=redis\nREDIS=redis://127.0.0.1:6379\nCACHE_NAMESPACE=bench-' + process.pid + '\n' : 'CACHE_STORE=memory\n';
		writeFileSync(path.join(onFolder, '.env'), `CACHE_ENABLED=true\nCACHE_TTL=1h\n${store}`);
		const off = await startMantle(database, offFolder);
		await createSchema(off.url);
		await seed(off.url);
		const on = await startMantle(database, onFolder);
		const [plain, cached] = [await api(off.url, 'GET', route), await api(on.url, 'GET', route)];
		if (plain.text !== cached.text) throw new Error('the cached and uncached processes answer differently');
		console.log(
			`Mantle on ${settings.db}, cache store ${settings.store}: list 100 (${plain.text.length} bytes), ${settings.rounds} × (off, on) of ${settings.duration} s, ${settings.connections} connections`,
		);

		const runs = { off: [], on: [] };
		for (let round = 0; round < settings.rounds; round++) {
			for (const [key, target] of [
				['off', off],
				['on', on],
			]) {
				const result = await measure({
					url: target.url,
					path: route,
					token: adminToken,
					connections: settings.connections,
					duration: settings.duration,
					warmup: 1,
				});
				runs[key].push(result);
				console.log(`  round ${round + 1} cache ${key.padEnd(3)} ${result.rps.toFixed(0).padStart(7)} req/s  p50 ${result.p50} ms  non-2xx ${result.non2xx}`);
			}
		}
		const summary = (key, name) => {
			const list = runs[key];
			const mean = (pick) => list.reduce((sum, r) => sum + pick(r), 0) / list.length;
			return {
				name,
				rps: mean((r) => r.rps),
				p50: Number(mean((r) => r.p50).toFixed(1)),
				p99: Number(mean((r) => r.p99).toFixed(1)),
				non2xx: list.reduce((s, r) => s + r.non2xx, 0),
				errors: list.reduce((s, r) => s + r.errors, 0),
				timeouts: list.reduce((s, r) => s + r.timeouts, 0),
			};
		};
		const rows = [summary('off', 'list 100, cache off'), summary('on', 'list 100, cache on (hits)')];
		console.log(table(rows));
		const ratio = rows[1].rps / rows[0].rps;
		console.log(`cache on / off: ${ratio.toFixed(2)}× req/s (target ≥ 3×); load average ${loadBefore.toFixed(2)} before, ${os.loadavg()[0].toFixed(2)} after`);
		if (rows.some((row) => row.non2xx || row.errors || row.timeouts)) process.exitCode = 1;
	} finally {
		await cleanUp();
	}
}

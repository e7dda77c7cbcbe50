// GraphQL against REST on the same relational read: Mantle on a scratch database (SQLite by
// default, `--db postgres` or `--db mysql`), a catalogue of articles with an author and tags
// seeded through the API, then autocannon on `fields=id,title,author.name,tags.tags_id.name&limit=25`
// and on the GraphQL query asking the same, in alternating rounds so that drift on a shared
// machine hits both alike. Reports GraphQL ÷ REST (target ≥ 0.85). `--duration` (s, default 10),
// `--connections` (default 10), `--rounds` (default 2); BENCH_DB, BENCH_DURATION and
// BENCH_CONNECTIONS do the same from the environment.
import os from 'node:os';
import { createSchema } from './catalog.mjs';
import { adminToken, api, benchOptions, cleanUp, measure, scratchDatabase, startMantle, table, tempFolder, wasInterrupted, writeReport } from './lib.mjs';

const counts = { authors: 200, tags: 50, articles: 2_000, batch: 500 };
const restPath = '/items/articles?fields=id,title,author.name,tags.tags_id.name&limit=25';
const query = '{ articles(limit: 25) { id title author { name } tags { tags_id { name } } } }';

async function seed(url) {
	await api(
		url,
		'POST',
		'/items/authors',
		Array.from({ length: counts.authors }, (_, i) => ({ name: `Author ${i + 1}` })),
	);
	await api(
		url,
		'POST',
		'/items/tags',
		Array.from({ length: counts.tags }, (_, i) => ({ name: `tag-${i + 1}` })),
	);
	for (let start = 0; start < counts.articles; start += counts.batch) {
		const batch = Array.from({ length: counts.batch }, (_, k) => {
			const i = start + k;
			const tagIds = [...new Set([1 + (i % counts.tags), 1 + ((i * 7) % counts.tags), 1 + ((i * 13) % counts.tags)].slice(0, i % 4))];
			return { title: `Article ${i + 1}`, author: 1 + (i % counts.authors), tags: tagIds.map((id) => ({ tags_id: id })) };
		});
		await api(url, 'POST', '/items/articles', batch);
	}
}

/** The two answers must hold the same rows (GraphQL's `ID`s are strings) before their speed is compared. */
async function sameData(url) {
	const rest = await api(url, 'GET', restPath);
	const graphql = await api(url, 'POST', '/graphql', { query });
	const normalized = JSON.stringify(rest.body.data, (key, value) => (key === 'id' && typeof value === 'number' ? String(value) : value));
	return normalized === JSON.stringify(graphql.body.data.articles);
}

export async function run(args) {
	const { settings } = benchOptions(args, { duration: 10, rounds: 2 });
	const started = Date.now();
	const loadBefore = os.loadavg()[0];
	try {
		const folder = tempFolder('mantle-bench-graphql-');
		const database = await scratchDatabase(settings.db, folder);
		const { url } = await startMantle(database, folder);
		console.log(
			`Mantle on ${settings.db} at ${url}; ${settings.connections} connections, ${settings.rounds} rounds of 2 s warm-up + ${settings.duration} s per scenario`,
		);
		await createSchema(url);
		await seed(url);
		const same = await sameData(url);
		if (!same) console.warn('WARNING: GraphQL and REST answer different rows; the ratio compares unlike work');

		const scenarios = [
			{ key: 'rest', name: `REST GET ${restPath}`, path: restPath },
			{ key: 'graphqlPost', name: 'GraphQL POST /graphql (same selection)', path: '/graphql', method: 'POST', body: { query } },
			{ key: 'graphqlGet', name: 'GraphQL GET /graphql?query=', path: `/graphql?query=${encodeURIComponent(query)}` },
		];
		const runs = Object.fromEntries(scenarios.map((scenario) => [scenario.key, []]));
		for (let round = 0; round < settings.rounds; round++) {
			for (const scenario of scenarios) {
				process.stdout.write(`  round ${round + 1}: ${scenario.name} …`);
				const result = await measure({
					url,
					path: scenario.path,
					method: scenario.method,
					body: scenario.body,
					token: adminToken,
					connections: settings.connections,
					duration: settings.duration,
				});
				runs[scenario.key].push(result);
				process.stdout.write(` ${result.rps.toFixed(0)} req/s\n`);
			}
		}
		const mean = (list, key) => list.reduce((sum, entry) => sum + entry[key], 0) / list.length;
		const results = Object.fromEntries(
			scenarios.map((scenario) => {
				const list = runs[scenario.key];
				return [
					scenario.key,
					{
						name: scenario.name,
						rps: mean(list, 'rps'),
						p50: mean(list, 'p50'),
						p99: mean(list, 'p99'),
						non2xx: list.reduce((n, r) => n + r.non2xx, 0),
						errors: list.reduce((n, r) => n + r.errors, 0),
						timeouts: list.reduce((n, r) => n + r.timeouts, 0),
					},
				];
			}),
		);
		const ratio = (a, b) => Number((a / b).toFixed(3));
		const graphqlOverRest = { post: ratio(results.graphqlPost.rps, results.rest.rps), get: ratio(results.graphqlGet.rps, results.rest.rps) };

		const load = { before: Number(loadBefore.toFixed(2)), after: Number(os.loadavg()[0].toFixed(2)), cpus: os.cpus().length };
		console.log(`\ngraphql benchmark, ${settings.db}, ${settings.connections} connections; load average ${load.before} → ${load.after} on ${load.cpus} CPUs\n`);
		console.log(table(Object.values(results)));
		console.log(
			`\nGraphQL ÷ REST (req/s), relational 25: POST ${graphqlOverRest.post}, GET ${graphqlOverRest.get}  (target ≥ 0.85)${same ? '' : '  — answers differ'}`,
		);
		for (const r of Object.values(results))
			if (r.non2xx || r.errors || r.timeouts) console.log(`NOTE: ${r.name}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);

		writeReport({
			benchmark: 'graphql',
			database: settings.db,
			startedAt: new Date(started).toISOString(),
			node: process.version,
			load,
			...settings,
			sameData: same,
			runs,
			results,
			graphqlOverRest,
		});
	} catch (error) {
		if (wasInterrupted()) await new Promise(() => {});
		throw error;
	} finally {
		await cleanUp();
	}
}

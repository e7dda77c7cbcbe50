// The data engine under load: Mantle on a scratch database (SQLite by default, `--db postgres`
// or `--db mysql`), a catalogue of 10,000 articles created and seeded through the API, then
// autocannon on the reads and writes clients make most, a permission-filtered read, and a bare
// `node:http` server on the same data as the floor, each scenario interleaved with it (see
// interleave.mjs). `--duration` (s, default 10), `--connections` (default 10) and `--rounds`
// (default 2) apply to every scenario; BENCH_DB, BENCH_DURATION, BENCH_CONNECTIONS and
// BENCH_ROUNDS do the same from the environment. `--compare <report.json>` sets each ratio beside
// an earlier run's (BENCH_CLI=<other checkout>/core/dist/cli/main.js measures an older build);
// `--out <file>` says where this run's report goes; `--only list100,byId` measures only the
// scenarios named by key (a quick look at one path; the report then holds only those).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
	adminToken,
	analyze,
	api,
	benchOptions,
	cleanUp,
	execute,
	residentMb,
	root,
	scratchDatabase,
	spawnChild,
	startMantle,
	tempFolder,
	waitFor,
	wasInterrupted,
	writeReport,
} from './lib.mjs';
import { counts, createSchema, searchWord, seed } from './catalog.mjs';
import { interleaved, report as reportText } from './interleave.mjs';

const readerToken = 'bench-reader-static-token-0123456789';

/**
 * A role whose policy reads published articles only, and a user of that role with a static token.
 * It also reads the junction, because `*` on articles includes the `tags` keys, which Mantle
 * refuses without it: the reader and the admin then get the same answer.
 */
async function createReader(url, database) {
	const role = (await api(url, 'POST', '/roles', { name: 'Bench reader' })).body.data.id;
	const policy = (await api(url, 'POST', '/policies', { name: 'Bench reader policy', app_access: false, admin_access: false })).body.data.id;
	await api(url, 'POST', '/access', { role, policy });
	await api(url, 'POST', '/permissions', { policy, collection: 'articles', action: 'read', fields: '*', permissions: { status: { _eq: 'published' } } });
	await api(url, 'POST', '/permissions', { policy, collection: 'articles_tags', action: 'read', fields: '*' });
	const user = { email: 'reader@example.com', status: 'active', role, token: readerToken };
	const created = await api(url, 'POST', '/users', user, { allowFailure: true });
	if (created.status < 300) return 'POST /users';
	await execute(database, 'insert into mantle_users (id, email, status, role, token) values (?, ?, ?, ?, ?)', [
		randomUUID(),
		user.email,
		user.status,
		user.role,
		user.token,
	]);
	return `inserted into mantle_users (POST /users answered ${created.status})`;
}

/** The bare server (`front` http), or the same answers through one Hapi route (`front` hapi). */
async function startBare(database, fields, front = 'http') {
	let port;
	const env = {
		PATH: process.env.PATH,
		BARE_FRONT: front,
		BARE_CLIENT: database.kind,
		BARE_CONNECTION: JSON.stringify(database.connection),
		BARE_FIELDS: fields.join(','),
		BARE_DATETIME: 'published_on',
		BARE_M2M: fields.includes('tags') ? 'tags:articles_tags:articles_id' : '',
	};
	const child = spawnChild([path.join(root, 'scripts/bench/bare-server.mjs')], {
		env,
		onLine: (line) => {
			if (line.startsWith('{"port"')) port = JSON.parse(line).port;
		},
	});
	await waitFor(() => port !== undefined, { child, what: `bare server (${front})`, ms: 15_000 });
	return { url: `http://127.0.0.1:${port}`, pid: child.child.pid };
}

/** Compares one response of Mantle and of the bare server byte for byte, and says where they part. */
async function compareBytes(label, mantleUrl, bareUrl, route) {
	const [mantle, bare] = await Promise.all([api(mantleUrl, 'GET', route), api(bareUrl, 'GET', route)]);
	if (mantle.text === bare.text) return { equal: true, bytes: mantle.text.length };
	let at = 0;
	while (mantle.text[at] === bare.text[at]) at++;
	console.warn(
		`WARNING: ${label}: Mantle and the bare server answer different bytes (${mantle.text.length} vs ${bare.text.length}); first difference at ${at}:\n` +
			`  mantle: …${mantle.text.slice(Math.max(0, at - 60), at + 60)}…\n  bare:   …${bare.text.slice(Math.max(0, at - 60), at + 60)}…`,
	);
	return { equal: false, bytes: mantle.text.length, bareBytes: bare.text.length, firstDifference: at };
}

function rotating(make) {
	let n = 0;
	return () => make(1 + (n++ % counts.articles), n);
}

function options(args) {
	const { settings, values } = benchOptions(
		args,
		{ duration: 10, rounds: process.env.BENCH_ROUNDS ?? 2 },
		{ compare: { type: 'string' }, out: { type: 'string' }, only: { type: 'string' } },
	);
	const only = values.only ? new Set(values.only.split(',').map((key) => key.trim())) : undefined;
	return { ...settings, compare: values.compare, out: values.out, only };
}

export async function run(args) {
	const settings = options(args);
	const started = Date.now();
	const loadBefore = os.loadavg()[0];
	try {
		const folder = tempFolder('mantle-bench-items-');
		const database = await scratchDatabase(settings.db, folder);
		const mantle = await startMantle(database, folder);
		const { url } = mantle;
		console.log(`Mantle on ${settings.db} at ${url}; ${settings.connections} connections, 2 s warm-up + ${settings.duration} s per scenario and round`);
		await createSchema(url);
		const seeded = await seed(url);
		console.log(
			`seeded ${seeded.articles.rows} articles + ${seeded.articles.junctionRows} junction rows in ${seeded.articles.ms} ms (${seeded.articles.rowsPerSecond} rows/s, nested, ${seeded.articles.batch} articles a request)`,
		);
		console.log(
			`flat bulk insert: ${seeded.events.rows} events in ${seeded.events.ms} ms = ${seeded.events.rowsPerSecond} rows/s (${seeded.events.batch} a request; target ≥ ${seeded.events.target} on SQLite)`,
		);
		await analyze(database, Object.keys(seeded.stored));
		const readerCreated = await createReader(url, database);

		const published = 'filter[status][_eq]=published';
		const allScenarios = [
			{ key: 'list100', name: 'a. list 100', path: '/items/articles?limit=100' },
			{ key: 'filterSort25', name: 'b. filter published, sort -published_on, 25', path: `/items/articles?${published}&sort=-published_on&limit=25` },
			{
				key: 'relational25',
				name: 'c. relational (author.name, tags.tags_id.name), 25',
				path: '/items/articles?fields=id,title,author.name,tags.tags_id.name&limit=25',
			},
			{ key: 'byId', name: 'd. one by id (ids rotate 1..10000)', next: rotating((id) => ({ path: `/items/articles/${id}` })) },
			{ key: 'countByStatus', name: 'e. count grouped by status', path: '/items/articles?aggregate[count]=*&groupBy=status' },
			{ key: 'search25', name: `f. search "${searchWord}", 25`, path: `/items/articles?search=${searchWord}&limit=25` },
			{
				key: 'patchOne',
				name: 'g. PATCH one (ids rotate 1..10000)',
				method: 'PATCH',
				next: rotating((id, n) => ({ path: `/items/articles/${id}`, body: { views: n } })),
			},
			{ key: 'ping', name: 'h. ping', path: '/server/ping' },
			{ key: 'publishedAdmin', name: 'i. list 100 published, admin', path: `/items/articles?${published}&limit=100` },
			{ key: 'publishedReader', name: 'i. list 100 published, reader role', path: `/items/articles?${published}&limit=100`, token: readerToken },
			{ key: 'healthAdmin', name: 'j. health, admin (database and storage checks)', path: '/server/health' },
		];
		const unknown = [...(settings.only ?? [])].filter((key) => !allScenarios.some((scenario) => scenario.key === key));
		if (unknown.length > 0) throw new Error(`--only names unknown scenarios: ${unknown.join(', ')} (known: ${allScenarios.map((s) => s.key).join(', ')})`);
		const scenarios = settings.only ? allScenarios.filter((scenario) => settings.only.has(scenario.key)) : allScenarios;

		// One request each before measuring, so a failing scenario is reported with its error.
		const preflight = {};
		for (const scenario of scenarios) {
			const probe = scenario.next ? scenario.next() : { path: scenario.path };
			const response = await api(url, scenario.method ?? 'GET', probe.path, probe.body, { token: scenario.token ?? adminToken, allowFailure: true });
			preflight[scenario.key] = {
				status: response.status,
				bytes: response.text.length,
				rows: Array.isArray(response.body?.data) ? response.body.data.length : undefined,
			};
			if (response.status >= 300) console.warn(`WARNING: ${scenario.name}: ${response.status} ${response.text.slice(0, 300)}`);
		}
		const asReader = await api(url, 'GET', `/items/articles?${published}&limit=100`, undefined, { token: readerToken, allowFailure: true });
		const asAdmin = await api(url, 'GET', `/items/articles?${published}&limit=100`, undefined, { allowFailure: true });
		const sameAnswer = asReader.text === asAdmin.text;
		if (!sameAnswer) console.warn('WARNING: the reader and the admin get different answers to the same published filter; the overhead compares unlike work');

		const mantleOne = await api(url, 'GET', '/items/articles/1');
		const bareServer = await startBare(database, Object.keys(mantleOne.body.data));
		const hapiServer = await startBare(database, Object.keys(mantleOne.body.data), 'hapi');
		// The answers the bare server gives, each checked byte for byte against Mantle's and the Hapi floor's.
		const compared = { list100: '/items/articles?limit=100', byId: '/items/articles/1', ping: '/server/ping' };
		const bytes = {};
		for (const [key, route] of Object.entries(compared)) {
			bytes[key] = await compareBytes(key, url, bareServer.url, route);
			await compareBytes(`Hapi floor ${key}`, hapiServer.url, bareServer.url, route);
		}
		const bare = {
			...bareServer,
			hapi: hapiServer,
			scenarios: {
				list100: { path: '/items/articles?limit=100' },
				byId: { next: rotating((id) => ({ path: `/items/articles/${id}` })) },
				ping: { path: '/server/ping' },
			},
		};
		for (const scenario of scenarios) scenario.bare = bare.scenarios[scenario.key] ? scenario.key : 'byId';

		const mantlePid = mantle.child.child.pid;
		const rss = { before: residentMb(mantlePid) };
		const results = await interleaved({ scenarios, bare, rounds: settings.rounds, settings, mantle: { url, pid: mantlePid }, token: adminToken });
		rss.after = residentMb(mantlePid);
		// Extra time per request the reader's permission costs, from throughput at the same concurrency.
		const permissionOverhead =
			results.publishedAdmin && results.publishedReader ? Number(((results.publishedAdmin.rps / results.publishedReader.rps - 1) * 100).toFixed(1)) : undefined;
		const before = settings.compare ? JSON.parse(readFileSync(settings.compare, 'utf8')) : undefined;

		// The machine may be shared: the load says how far the absolute figures can be trusted.
		const load = { before: Number(loadBefore.toFixed(2)), after: Number(os.loadavg()[0].toFixed(2)), cpus: os.cpus().length };
		console.log(
			`\nitems benchmark, ${settings.db}, ${settings.connections} connections, ${settings.rounds} interleaved rounds of ${settings.duration} s per scenario (after 2 s warm-up); ` +
				`load average ${load.before} → ${load.after} on ${load.cpus} CPUs${before ? `; × before: against ${settings.compare} (load ${before.load?.before} → ${before.load?.after})` : ''}\n`,
		);
		console.log(reportText(results, { before, rss }));
		console.log('');
		for (const [key, compared] of Object.entries(bytes))
			console.log(`bytes, ${key}: ${compared.equal ? 'identical to the bare server' : 'DIFFER from the bare server'}`);
		console.log(`flat bulk insert (events, ${seeded.events.batch} rows a request): ${seeded.events.rowsPerSecond} rows/s  (target ≥ 20000 on SQLite)`);
		console.log(`nested insert (articles + tags, ${seeded.articles.batch} a request): ${seeded.articles.rowsPerSecond} rows/s`);
		console.log(
			`permission overhead (reader vs admin, same filter, list 100): ${permissionOverhead ?? 'not measured'}%  (target < 10%)${sameAnswer ? '' : '  — answers differ'}`,
		);
		const failing = Object.values(results).filter((r) => r.non2xx || r.errors || r.timeouts);
		for (const r of failing)
			console.log(`NOTE: ${r.name}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts; status codes ${JSON.stringify(r.statusCodes)}`);

		const report = {
			benchmark: 'items',
			database: settings.db,
			startedAt: new Date(started).toISOString(),
			node: process.version,
			load,
			...settings,
			only: settings.only ? [...settings.only] : undefined,
			seeded,
			readerCreated,
			preflight,
			bytes,
			results,
			rss,
			permissionOverhead,
			readerSameAnswer: sameAnswer,
		};
		writeReport(report, settings.out);
	} catch (error) {
		// The signal handler is cleaning up and will exit: wait for it.
		if (wasInterrupted()) await new Promise(() => {});
		throw error;
	} finally {
		await cleanUp();
	}
}

// The data engine under load: Mantle on a scratch database (SQLite by default, `--db postgres`
// or `--db mysql`), a catalogue of 10,000 articles created and seeded through the API, then
// autocannon on the reads and writes clients make most, a permission-filtered read, and a bare
// `node:http` server on the same data as the floor. `--duration` (s, default 10) and
// `--connections` (default 10) apply to every scenario; BENCH_DB, BENCH_DURATION and
// BENCH_CONNECTIONS do the same from the environment.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
	adminToken,
	api,
	cleanUp,
	execute,
	measure,
	root,
	scratchDatabase,
	spawnChild,
	startMantle,
	table,
	tempFolder,
	waitFor,
	wasInterrupted,
} from './lib.mjs';

const counts = { authors: 200, tags: 50, articles: 10_000, articleBatch: 1_000, events: 20_000, eventBatch: 5_000 };
const words = [
	'river',
	'stone',
	'market',
	'engine',
	'garden',
	'signal',
	'harbor',
	'winter',
	'copper',
	'lantern',
	'meadow',
	'orbit',
	'paper',
	'quartz',
	'rocket',
	'summit',
	'timber',
	'valley',
	'willow',
	'yellow',
	'anchor',
	'bridge',
	'candle',
	'desert',
	'ember',
	'forest',
	'glacier',
	'island',
	'jungle',
	'kettle',
	'ladder',
	'mirror',
	'needle',
	'ocean',
	'pepper',
	'raven',
	'saddle',
	'tunnel',
	'velvet',
	'whistle',
	'canyon',
	'falcon',
	'marble',
	'nectar',
	'pillow',
	'ribbon',
	'shadow',
	'thunder',
	'violet',
	'zephyr',
];
const searchWord = 'lantern';
const statuses = ['draft', 'published', 'archived'];
const readerToken = 'bench-reader-static-token-0123456789';

/** mulberry32: the same catalogue on every run and every database. */
function prng(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

const two = (n) => String(n).padStart(2, '0');

function articleBatches() {
	const random = prng(42);
	const pick = (list) => list[Math.floor(random() * list.length)];
	const phrase = (n) => Array.from({ length: n }, () => pick(words)).join(' ');
	const batches = [];
	let junctionRows = 0;
	for (let start = 0; start < counts.articles; start += counts.articleBatch) {
		const batch = [];
		for (let i = start; i < Math.min(start + counts.articleBatch, counts.articles); i++) {
			const tagIds = new Set();
			const wanted = Math.floor(random() * 5);
			while (tagIds.size < wanted) tagIds.add(1 + Math.floor(random() * counts.tags));
			junctionRows += tagIds.size;
			const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(random() * 5 * 365 * 86_400) * 1000);
			batch.push({
				title: phrase(4).replace(/^./, (c) => c.toUpperCase()),
				body: `${phrase(20)}.`,
				status: pick(statuses),
				published_on: `${day.getUTCFullYear()}-${two(day.getUTCMonth() + 1)}-${two(day.getUTCDate())}T${two(day.getUTCHours())}:${two(day.getUTCMinutes())}:${two(day.getUTCSeconds())}`,
				views: Math.floor(random() * 10_000),
				author: 1 + Math.floor(random() * counts.authors),
				tags: [...tagIds].map((id) => ({ tags_id: id })),
			});
		}
		batches.push(batch);
	}
	return { batches, junctionRows };
}

/** The catalogue's shape, made as core/test/helpers/catalog.ts makes it, plus a flat `events`. */
async function createSchema(url) {
	const collection = (name, fields) => api(url, 'POST', '/collections', { collection: name, schema: {}, meta: {}, fields });
	await collection('authors', [
		{ field: 'name', type: 'string' },
		{ field: 'bio', type: 'text' },
	]);
	await collection('tags', [{ field: 'name', type: 'string' }]);
	await collection('articles', [
		{ field: 'title', type: 'string' },
		{ field: 'body', type: 'text' },
		{ field: 'status', type: 'string' },
		{ field: 'published_on', type: 'dateTime' },
		{ field: 'views', type: 'integer' },
		{ field: 'author', type: 'integer', meta: { special: ['m2o'] } },
		{ field: 'tags', type: 'alias', meta: { special: ['m2m'] } },
	]);
	await collection('articles_tags', [
		{ field: 'articles_id', type: 'integer' },
		{ field: 'tags_id', type: 'integer' },
	]);
	await collection('events', [
		{ field: 'name', type: 'string' },
		{ field: 'value', type: 'integer' },
		{ field: 'at', type: 'dateTime' },
	]);
	const relation = (body) => api(url, 'POST', '/relations', body);
	await relation({
		collection: 'articles',
		field: 'author',
		related_collection: 'authors',
		meta: { one_field: 'articles' },
		schema: { on_delete: 'SET NULL' },
	});
	await relation({
		collection: 'articles_tags',
		field: 'articles_id',
		related_collection: 'articles',
		meta: { one_field: 'tags', junction_field: 'tags_id' },
		schema: { on_delete: 'CASCADE' },
	});
	await relation({
		collection: 'articles_tags',
		field: 'tags_id',
		related_collection: 'tags',
		meta: { junction_field: 'articles_id' },
		schema: { on_delete: 'CASCADE' },
	});
}

async function timed(task) {
	const started = performance.now();
	await task();
	return performance.now() - started;
}

async function count(url, collection) {
	const { body } = await api(url, 'GET', `/items/${collection}?aggregate[count]=*`);
	return Number(body.data[0].count);
}

/** Seeds through the API and times the two kinds of write: nested (articles + tags) and flat (events). */
async function seed(url) {
	const random = prng(7);
	const authors = Array.from({ length: counts.authors }, (_, i) => ({
		name: `Author ${i + 1}`,
		bio: `Writes about ${words[i % words.length]} and ${words[(i * 7) % words.length]}.`,
	}));
	await api(url, 'POST', '/items/authors', authors);
	await api(
		url,
		'POST',
		'/items/tags',
		Array.from({ length: counts.tags }, (_, i) => ({ name: `${words[i]}-${i + 1}` })),
	);
	const { batches, junctionRows } = articleBatches();
	const articlesMs = await timed(async () => {
		for (const batch of batches) await api(url, 'POST', '/items/articles', batch);
	});
	const events = Array.from({ length: counts.events }, (_, i) => ({
		name: `event ${i + 1}`,
		value: Math.floor(random() * 1_000_000),
		at: `2024-${two(1 + (i % 12))}-${two(1 + (i % 28))}T${two(i % 24)}:${two(i % 60)}:00`,
	}));
	const eventsMs = await timed(async () => {
		for (let start = 0; start < events.length; start += counts.eventBatch)
			await api(url, 'POST', '/items/events', events.slice(start, start + counts.eventBatch));
	});
	const stored = {
		authors: await count(url, 'authors'),
		tags: await count(url, 'tags'),
		articles: await count(url, 'articles'),
		articles_tags: await count(url, 'articles_tags'),
		events: await count(url, 'events'),
	};
	const expected = { authors: counts.authors, tags: counts.tags, articles: counts.articles, articles_tags: junctionRows, events: counts.events };
	for (const [name, n] of Object.entries(expected)) if (stored[name] !== n) console.warn(`WARNING: ${name} holds ${stored[name]} rows, ${n} were sent`);
	return {
		stored,
		articles: {
			rows: counts.articles,
			junctionRows,
			batch: counts.articleBatch,
			ms: Math.round(articlesMs),
			rowsPerSecond: Math.round(((counts.articles + junctionRows) * 1000) / articlesMs),
		},
		events: {
			rows: counts.events,
			batch: counts.eventBatch,
			ms: Math.round(eventsMs),
			rowsPerSecond: Math.round((counts.events * 1000) / eventsMs),
			target: 20_000,
		},
	};
}

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

async function startBare(database, fields) {
	let port;
	const env = {
		PATH: process.env.PATH,
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
	await waitFor(() => port !== undefined, { child, what: 'bare server', ms: 15_000 });
	return `http://127.0.0.1:${port}`;
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
	const { values } = parseArgs({
		args,
		allowPositionals: true,
		options: { db: { type: 'string' }, duration: { type: 'string' }, connections: { type: 'string' } },
	});
	const db = values.db ?? process.env.BENCH_DB ?? 'sqlite';
	const duration = Number(values.duration ?? process.env.BENCH_DURATION ?? 10);
	const connections = Number(values.connections ?? process.env.BENCH_CONNECTIONS ?? 10);
	if (!['sqlite', 'postgres', 'mysql'].includes(db)) throw new Error(`--db must be sqlite, postgres or mysql (got "${db}")`);
	if (!(duration > 0) || !(connections >= 1)) throw new Error('--duration and --connections must be positive numbers');
	return { db, duration, connections };
}

export async function run(args) {
	const settings = options(args);
	const started = Date.now();
	const loadBefore = os.loadavg()[0];
	try {
		const folder = tempFolder('mantle-bench-items-');
		const database = await scratchDatabase(settings.db, folder);
		const { url } = await startMantle(database, folder);
		console.log(`Mantle on ${settings.db} at ${url}; ${settings.connections} connections, 2 s warm-up + ${settings.duration} s per scenario`);
		await createSchema(url);
		const seeded = await seed(url);
		console.log(
			`seeded ${seeded.articles.rows} articles + ${seeded.articles.junctionRows} junction rows in ${seeded.articles.ms} ms (${seeded.articles.rowsPerSecond} rows/s, nested, ${seeded.articles.batch} articles a request)`,
		);
		console.log(
			`flat bulk insert: ${seeded.events.rows} events in ${seeded.events.ms} ms = ${seeded.events.rowsPerSecond} rows/s (${seeded.events.batch} a request; target ≥ ${seeded.events.target} on SQLite)`,
		);
		const readerCreated = await createReader(url, database);

		const published = 'filter[status][_eq]=published';
		const scenarios = [
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
		];

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
		const bareUrl = await startBare(database, Object.keys(mantleOne.body.data));
		const bytes = {
			list100: await compareBytes('list 100', url, bareUrl, '/items/articles?limit=100'),
			byId: await compareBytes('by id', url, bareUrl, '/items/articles/1'),
		};
		scenarios.push(
			{ key: 'bareList100', name: 'bare node:http list 100', base: bareUrl, path: '/items/articles?limit=100' },
			{ key: 'bareById', name: 'bare node:http one by id (rotating)', base: bareUrl, next: rotating((id) => ({ path: `/items/articles/${id}` })) },
		);

		const results = {};
		for (const scenario of scenarios) {
			process.stdout.write(`  ${scenario.name} …`);
			results[scenario.key] = {
				name: scenario.name,
				...(await measure({
					url: scenario.base ?? url,
					path: scenario.path,
					method: scenario.method,
					token: scenario.base ? undefined : (scenario.token ?? adminToken),
					next: scenario.next,
					connections: settings.connections,
					duration: settings.duration,
				})),
			};
			process.stdout.write(` ${results[scenario.key].rps.toFixed(0)} req/s\n`);
		}

		const ratio = (a, b) => Number((a / b).toFixed(3));
		const versusBare = {
			list100: { rps: ratio(results.list100.rps, results.bareList100.rps), p50: ratio(results.list100.p50, results.bareList100.p50) },
			byId: { rps: ratio(results.byId.rps, results.bareById.rps), p50: ratio(results.byId.p50, results.bareById.p50) },
		};
		// Extra time per request the reader's permission costs, from throughput at the same concurrency.
		const permissionOverhead = Number(((results.publishedAdmin.rps / results.publishedReader.rps - 1) * 100).toFixed(1));

		// The machine may be shared: the load says how far the absolute figures can be trusted.
		const load = { before: Number(loadBefore.toFixed(2)), after: Number(os.loadavg()[0].toFixed(2)), cpus: os.cpus().length };
		console.log(
			`\nitems benchmark, ${settings.db}, ${settings.connections} connections, ${settings.duration} s per scenario (after 2 s warm-up); ` +
				`load average ${load.before} → ${load.after} on ${load.cpus} CPUs\n`,
		);
		console.log(table(Object.values(results)));
		console.log('');
		console.log(`flat bulk insert (events, ${seeded.events.batch} rows a request): ${seeded.events.rowsPerSecond} rows/s  (target ≥ 20000 on SQLite)`);
		console.log(`nested insert (articles + tags, ${seeded.articles.batch} a request): ${seeded.articles.rowsPerSecond} rows/s`);
		console.log(
			`Mantle ÷ bare, list 100: ${versusBare.list100.rps} × the req/s, ${versusBare.list100.p50} × the p50   (bytes ${bytes.list100.equal ? 'identical' : 'DIFFER'})`,
		);
		console.log(
			`Mantle ÷ bare, by id:    ${versusBare.byId.rps} × the req/s, ${versusBare.byId.p50} × the p50   (bytes ${bytes.byId.equal ? 'identical' : 'DIFFER'})`,
		);
		console.log(
			`permission overhead (reader vs admin, same filter, list 100): ${permissionOverhead}%  (target < 10%)${sameAnswer ? '' : '  — answers differ'}`,
		);
		const failing = Object.values(results).filter((r) => r.non2xx || r.errors || r.timeouts);
		for (const r of failing)
			console.log(`NOTE: ${r.name}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts; status codes ${JSON.stringify(r.statusCodes)}`);

		const folderOut = path.join(root, 'scripts/bench/results');
		mkdirSync(folderOut, { recursive: true });
		if (!existsSync(path.join(folderOut, '.gitignore'))) writeFileSync(path.join(folderOut, '.gitignore'), '*.json\n');
		const file = path.join(folderOut, `items-${settings.db}.json`);
		const report = {
			benchmark: 'items',
			database: settings.db,
			startedAt: new Date(started).toISOString(),
			node: process.version,
			load,
			...settings,
			seeded,
			readerCreated,
			preflight,
			bytes,
			results,
			versusBare,
			permissionOverhead,
			readerSameAnswer: sameAnswer,
		};
		writeFileSync(file, `${JSON.stringify(report, null, '\t')}\n`);
		console.log(`\nwritten to ${path.relative(process.cwd(), file)}`);
	} catch (error) {
		// The signal handler is cleaning up and will exit: wait for it.
		if (wasInterrupted()) await new Promise(() => {});
		throw error;
	} finally {
		await cleanUp();
	}
}

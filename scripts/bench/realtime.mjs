// Realtime across instances: two Mantle processes (B and C) on one database and one Redis. B
// holds `--subscriptions` open `/websocket` subscriptions (default 1,000, one socket each); C
// takes `--writes` item creates (default 200), one at a time. For each write, the time from just
// before C is asked to the event at B's subscribers: the first subscriber and the last of them.
// `--db` (postgres or mysql; BENCH_DB; default postgres), `--pause` ms between writes (default 20).
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { adminToken, api, cleanUp, onCleanup, scratchDatabase, startMantle, tempFolder } from './lib.mjs';

function options(args) {
	const { values } = parseArgs({
		args,
		allowPositionals: true,
		options: { db: { type: 'string' }, subscriptions: { type: 'string' }, writes: { type: 'string' }, pause: { type: 'string' } },
	});
	const settings = {
		db: values.db ?? process.env.BENCH_DB ?? 'postgres',
		subscriptions: Number(values.subscriptions ?? 1000),
		writes: Number(values.writes ?? 200),
		pause: Number(values.pause ?? 20),
	};
	if (!['postgres', 'mysql'].includes(settings.db))
		throw new Error(`--db must be postgres or mysql: two instances need a shared database (got "${settings.db}")`);
	if (!(settings.subscriptions >= 1) || !(settings.writes >= 1) || !(settings.pause >= 0)) throw new Error('--subscriptions and --writes must be positive');
	return settings;
}

/** Opens one socket with one subscription to `ticks`, resolving once its `init` arrived. */
function subscriber(url, onEvent) {
	return new Promise((resolve, reject) => {
		const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/websocket?access_token=${adminToken}`);
		ws.once('error', reject);
		ws.once('open', () => ws.send(JSON.stringify({ type: 'subscribe', collection: 'ticks', uid: 't', query: { fields: ['id', 'title'] } })));
		ws.on('message', (data) => {
			const message = JSON.parse(String(data));
			if (message.type === 'ping') return ws.send('{"type":"pong"}');
			if (message.event === 'init') return resolve(ws);
			if (message.event === 'create') for (const row of message.data) onEvent(row.title, performance.now());
		});
	});
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const summary = (name, values) => {
	const sorted = [...values].sort((a, b) => a - b);
	return { name, samples: sorted.length, p50: percentile(sorted, 50).toFixed(1), p99: percentile(sorted, 99).toFixed(1), max: sorted.at(-1).toFixed(1) };
};

export async function run(args) {
	const settings = options(args);
	const loadBefore = os.loadavg()[0];
	try {
		const database = await scratchDatabase(settings.db, tempFolder('mantle-bench-realtime-db-'));
		const env = `REDIS=redis://127.0.0.1:6379\nWEBSOCKETS_MAX_CONNECTIONS_PER_IP=0\n`;
		const [folderB, folderC] = [tempFolder('mantle-bench-realtime-b-'), tempFolder('mantle-bench-realtime-c-')];
		writeFileSync(path.join(folderB, '.env'), env);
		writeFileSync(path.join(folderC, '.env'), env);
		const c = await startMantle(database, folderC);
		await api(c.url, 'POST', '/collections', { collection: 'ticks', schema: {}, meta: {}, fields: [{ field: 'title', type: 'string' }] });
		const b = await startMantle(database, folderB);

		const sentAt = new Map();
		const answered = [];
		const heard = new Map();
		const onEvent = (title, at) => {
			const entry = heard.get(title) ?? { first: at, last: at, count: 0 };
			entry.count++;
			entry.last = at;
			heard.set(title, entry);
		};
		const sockets = [];
		for (let i = 0; i < settings.subscriptions; i += 50) {
			const batch = Math.min(50, settings.subscriptions - i);
			sockets.push(...(await Promise.all(Array.from({ length: batch }, () => subscriber(b.url, onEvent)))));
		}
		onCleanup(() => sockets.forEach((ws) => ws.terminate()));
		console.log(`Mantle on ${settings.db} + Redis: ${settings.subscriptions} subscriptions on B, ${settings.writes} writes on C, ${settings.pause} ms apart`);

		for (let i = 0; i < settings.writes; i++) {
			const title = `tick-${i}`;
			const started = performance.now();
			sentAt.set(title, started);
			await api(c.url, 'POST', '/items/ticks', { title });
			answered.push(performance.now() - started);
			if (settings.pause) await new Promise((resolve) => setTimeout(resolve, settings.pause));
		}
		// Every event is waited for (at most 10 s past the last write): a lost one is reported, not hidden.
		const deadline = performance.now() + 10_000;
		while (performance.now() < deadline && [...sentAt.keys()].some((title) => (heard.get(title)?.count ?? 0) < settings.subscriptions))
			await new Promise((resolve) => setTimeout(resolve, 50));

		const first = [];
		const last = [];
		let missing = 0;
		for (const [title, sent] of sentAt) {
			const entry = heard.get(title);
			if (!entry || entry.count < settings.subscriptions) missing += settings.subscriptions - (entry?.count ?? 0);
			if (!entry) continue;
			first.push(entry.first - sent);
			last.push(entry.last - sent);
		}
		for (const row of [
			summary('write on C → first subscriber on B', first),
			summary(`write on C → all ${settings.subscriptions} on B`, last),
			summary("the write's own HTTP answer from C", answered),
		])
			console.log(
				`  ${row.name.padEnd(40)} p50 ${row.p50.padStart(7)} ms  p99 ${row.p99.padStart(7)} ms  max ${row.max.padStart(7)} ms  (${row.samples} writes)`,
			);
		console.log(`events missing: ${missing}; p99 target < 50 ms; load average ${loadBefore.toFixed(2)} before, ${os.loadavg()[0].toFixed(2)} after`);
		if (missing > 0) process.exitCode = 1;
	} finally {
		await cleanUp();
	}
}

// Shared by the HTTP benchmarks: child processes that are always reaped, scratch databases that
// are always dropped, Mantle started on them, one autocannon measurement, and the result table.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// BENCH_CLI runs another build of Mantle (e.g. an export of an older commit) under the same harness.
export const cli = process.env.BENCH_CLI ?? path.join(root, 'core/dist/cli/main.js');

const children = new Set();
const cleanups = [];

/** Runs on the way out whatever happened; the latest registered runs first (children before their data). */
export function onCleanup(task) {
	cleanups.push(task);
}

export async function cleanUp() {
	while (cleanups.length) {
		try {
			await cleanups.pop()();
		} catch (error) {
			console.error(`cleanup: ${error.message}`);
		}
	}
}

// A process that dies on a signal or an uncaught error skips `finally`: children must not outlive it.
process.once('exit', () => {
	for (const child of children) child.kill('SIGKILL');
});
let interrupted = false;
/** True once a signal arrived: the errors that follow are the children going away, not findings. */
export const wasInterrupted = () => interrupted;
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.once(signal, () => {
		interrupted = true;
		console.error(`\n${signal}: stopping`);
		cleanUp().finally(() => process.exit(130));
	});
}

export function freePort() {
	return new Promise((resolve, reject) => {
		const server = net
			.createServer()
			.once('error', reject)
			.listen(0, '127.0.0.1', () => {
				const { port } = server.address();
				server.close(() => resolve(port));
			});
	});
}

export function tempFolder(prefix) {
	const folder = mkdtempSync(path.join(os.tmpdir(), prefix));
	onCleanup(() => rmSync(folder, { recursive: true, force: true }));
	return folder;
}

/**
 * A child process whose output is kept (the last 64 kB) to explain a failure, and which is
 * terminated at cleanup: SIGTERM, then SIGKILL if it has not exited within 5 s.
 */
export function spawnChild(args, { cwd, env, onLine } = {}) {
	const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
	children.add(child);
	let output = '';
	let partial = '';
	const keep = (chunk) => {
		output = (output + chunk).slice(-65_536);
	};
	child.stdout.setEncoding('utf8').on('data', (chunk) => {
		keep(chunk);
		if (!onLine) return;
		const lines = (partial + chunk).split('\n');
		partial = lines.pop();
		for (const line of lines) onLine(line);
	});
	child.stderr.setEncoding('utf8').on('data', keep);
	const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
	exited.then(() => children.delete(child));
	const stop = async () => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
		await exited;
		clearTimeout(timer);
	};
	onCleanup(stop);
	return { child, exited, stop, output: () => output };
}

/** Resolves when `check` answers true, or fails with the child's output once it exits or `ms` pass. */
export async function waitFor(check, { child, ms = 60_000, what }) {
	const started = performance.now();
	for (;;) {
		if (child && (child.child.exitCode !== null || child.child.signalCode !== null)) throw new Error(`${what}: the process exited\n${child.output()}`);
		try {
			if (await check()) return;
		} catch {
			// not answering yet
		}
		if (performance.now() - started > ms) throw new Error(`${what}: not ready within ${ms / 1000} s\n${child?.output() ?? ''}`);
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
}

/**
 * A fresh, empty database for one run, dropped at cleanup: a SQLite file in a temp folder, or a
 * scratch database on the local PostgreSQL or MariaDB. `env` is what Mantle reads; `connection`
 * is what the bare server and direct inserts use.
 */
export async function scratchDatabase(kind, folder) {
	if (kind === 'sqlite') {
		const filename = path.join(folder, 'mantle.db');
		return { kind, env: { DB_CLIENT: 'sqlite3', DB_FILENAME: filename }, connection: { filename } };
	}
	const name = `mantle_bench_${Date.now().toString(36)}_${process.pid}`;
	if (kind === 'postgres') {
		const { default: pg } = await import('pg');
		const connection = { host: '127.0.0.1', port: 5432, user: 'postgres', database: name };
		const admin = async (sql) => {
			const client = new pg.Client({ ...connection, database: 'postgres' });
			await client.connect();
			try {
				await client.query(sql);
			} finally {
				await client.end();
			}
		};
		await admin(`create database "${name}"`);
		onCleanup(() => admin(`drop database if exists "${name}" with (force)`));
		return { kind, env: { DB_CLIENT: 'pg', DB_HOST: '127.0.0.1', DB_PORT: '5432', DB_USER: 'postgres', DB_DATABASE: name }, connection };
	}
	if (kind === 'mysql') {
		const { default: mysql } = await import('mysql2/promise');
		const connection = { host: '127.0.0.1', port: 3306, user: 'root', password: '', database: name };
		const admin = async (sql) => {
			const client = await mysql.createConnection({ ...connection, database: undefined });
			try {
				await client.query(sql);
			} finally {
				await client.end();
			}
		};
		await admin(`create database \`${name}\``);
		onCleanup(() => admin(`drop database if exists \`${name}\``));
		return { kind, env: { DB_CLIENT: 'mysql', DB_HOST: '127.0.0.1', DB_PORT: '3306', DB_USER: 'root', DB_PASSWORD: '', DB_DATABASE: name }, connection };
	}
	throw new Error(`unknown database "${kind}": use sqlite, postgres or mysql`);
}

/** Runs one statement with parameters on the scratch database, outside Mantle. */
export async function execute(database, sql, params) {
	if (database.kind === 'sqlite') {
		const { default: Database } = await import('better-sqlite3');
		const db = new Database(database.connection.filename, { fileMustExist: true });
		try {
			db.pragma('busy_timeout = 5000');
			db.prepare(sql).run(...params);
		} finally {
			db.close();
		}
	} else if (database.kind === 'postgres') {
		const { default: pg } = await import('pg');
		const client = new pg.Client(database.connection);
		await client.connect();
		let n = 0;
		try {
			await client.query(
				sql.replace(/\?/g, () => `$${++n}`),
				params,
			);
		} finally {
			await client.end();
		}
	} else {
		const { default: mysql } = await import('mysql2/promise');
		const client = await mysql.createConnection(database.connection);
		try {
			await client.execute(sql, params);
		} finally {
			await client.end();
		}
	}
}

/**
 * Gathers the planner's statistics for `tables` after a bulk load, as a live server's autovacuum
 * (PostgreSQL) or InnoDB's automatic recalculation (MariaDB) would soon after; PostgreSQL on a
 * machine with autovacuum off (this one, for one) never does. Without them PostgreSQL takes the
 * freshly seeded articles for a near-empty table and plans `search` as a scan of every row
 * (26 ms) instead of a walk of the primary key that stops at the 25th match (0.14 ms), so a
 * benchmark would time the planner's blindness, the same for every build. SQLite keeps no
 * statistics unless asked, which is what its users get, so it is left as it is.
 */
export async function analyze(database, tables) {
	if (database.kind === 'postgres') await execute(database, `analyze ${tables.map((table) => `"${table}"`).join(', ')}`, []);
	else if (database.kind === 'mysql') await execute(database, `analyze table ${tables.map((table) => `\`${table}\``).join(', ')}`, []);
}

export const adminToken = 'bench-admin-static-token-0123456789';

/** `mantle start` on the scratch database, in its own folder, answering `pong`. */
export async function startMantle(database, folder) {
	const port = await freePort();
	const env = {
		PATH: process.env.PATH,
		PORT: String(port),
		HOST: '127.0.0.1',
		LOG_LEVEL: 'warn',
		SECRET: 'bench-secret-0123456789abcdef',
		ADMIN_EMAIL: 'admin@example.com',
		ADMIN_PASSWORD: 'bench-password',
		ADMIN_TOKEN: adminToken,
		...database.env,
		// BENCH_MANTLE_ENV (JSON, e.g. `{"DB_READ_THREADS":"0"}`) measures Mantle under other settings.
		...(process.env.BENCH_MANTLE_ENV ? JSON.parse(process.env.BENCH_MANTLE_ENV) : {}),
	};
	// BENCH_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) profiles the server under load.
	const nodeArgs = process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : [];
	const child = spawnChild([...nodeArgs, cli, 'start'], { cwd: folder, env });
	const url = `http://127.0.0.1:${port}`;
	await waitFor(async () => (await (await fetch(`${url}/server/ping`)).text()) === 'pong', { child, what: 'mantle start' });
	return { url, child };
}

/** Clock ticks per second of /proc's CPU times: USER_HZ, 100 on every Linux build in use. */
const ticksPerSecond = 100;

/**
 * CPU time a process (all its threads) has used so far, in seconds, from /proc (Linux); undefined
 * where there is no /proc. On a machine whose load moves from one minute to the next, CPU time
 * per request says what a server's work costs more steadily than its req/s.
 */
export function cpuSeconds(pid) {
	try {
		// The command name, in parentheses, may itself hold ") ": the fields follow the last one.
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
		return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
	} catch {
		return undefined;
	}
}

/** A process's resident memory in MB, from /proc (Linux); undefined where there is no /proc. */
export function residentMb(pid) {
	try {
		const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Math.round(Number(match[1]) / 1024) : undefined;
	} catch {
		return undefined;
	}
}

/** One JSON call; throws with the response unless `allowFailure`. */
export async function api(url, method, route, payload, { token = adminToken, allowFailure = false } = {}) {
	const headers = { authorization: `Bearer ${token}` };
	if (payload !== undefined) headers['content-type'] = 'application/json';
	const response = await fetch(`${url}${route}`, { method, headers, body: payload === undefined ? undefined : JSON.stringify(payload) });
	const text = await response.text();
	let body;
	try {
		body = text ? JSON.parse(text) : undefined;
	} catch {
		body = text;
	}
	if (!allowFailure && !response.ok) throw new Error(`${method} ${route}: ${response.status} ${text.slice(0, 500)}`);
	return { status: response.status, body, text };
}

/**
 * The options of a load benchmark: `--db` (sqlite, postgres or mysql; BENCH_DB, default sqlite),
 * `--duration` in seconds (BENCH_DURATION), `--connections` (BENCH_CONNECTIONS, default 10) and
 * `--rounds`, with the benchmark's own defaults; `options` declares any of its own, which come
 * back as parsed in `values`.
 */
export function benchOptions(args, defaults, options = {}) {
	const { values } = parseArgs({
		args,
		allowPositionals: true,
		options: { db: { type: 'string' }, duration: { type: 'string' }, connections: { type: 'string' }, rounds: { type: 'string' }, ...options },
	});
	const settings = {
		db: values.db ?? process.env.BENCH_DB ?? 'sqlite',
		duration: Number(values.duration ?? process.env.BENCH_DURATION ?? defaults.duration),
		connections: Number(values.connections ?? process.env.BENCH_CONNECTIONS ?? 10),
		rounds: Number(values.rounds ?? defaults.rounds),
	};
	if (!['sqlite', 'postgres', 'mysql'].includes(settings.db)) throw new Error(`--db must be sqlite, postgres or mysql (got "${settings.db}")`);
	if (!(settings.duration > 0) || !(settings.connections >= 1) || !(settings.rounds >= 1)) {
		throw new Error('--duration, --connections and --rounds must be positive numbers');
	}
	return { settings, values };
}

/**
 * Writes a benchmark's report as JSON, by default to scripts/bench/results/<benchmark>-<database>.json
 * (the folder's own .gitignore keeps reports out of git), and says where.
 */
export function writeReport(report, file) {
	const folder = path.join(root, 'scripts/bench/results');
	mkdirSync(folder, { recursive: true });
	if (!existsSync(path.join(folder, '.gitignore'))) writeFileSync(path.join(folder, '.gitignore'), '*.json\n');
	const target = file ?? path.join(folder, `${report.benchmark}-${report.database}.json`);
	writeFileSync(target, `${JSON.stringify(report, null, '\t')}\n`);
	console.log(`\nwritten to ${path.relative(process.cwd(), target)}`);
}

/**
 * A 2 s warm-up, then the measured run, with the same settings. `next` (optional) makes each
 * request: called per request, it returns `{ path, body? }`, so ids can rotate.
 */
export async function measure({ url, path: route, method = 'GET', token, body, next, connections, duration, warmup = 2, pid }) {
	const headers = {};
	if (token) headers.authorization = `Bearer ${token}`;
	if (body !== undefined || next) headers['content-type'] = 'application/json';
	const options = { url: `${url}${route ?? '/'}`, method, headers, connections, body: body === undefined ? undefined : JSON.stringify(body) };
	if (next) {
		options.requests = [
			{
				method,
				setupRequest: (request) => {
					const made = next();
					return { ...request, path: made.path, body: made.body === undefined ? undefined : JSON.stringify(made.body) };
				},
			},
		];
	}
	await autocannon({ ...options, duration: warmup });
	const cpuBefore = pid === undefined ? undefined : cpuSeconds(pid);
	const result = await autocannon({ ...options, duration });
	const cpuAfter = pid === undefined ? undefined : cpuSeconds(pid);
	const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, Number(count)]));
	return {
		rps: result.requests.average,
		total: result.requests.total,
		p50: result.latency.p50,
		p99: result.latency.p99,
		non2xx: result.non2xx,
		errors: result.errors,
		timeouts: result.timeouts,
		statusCodes,
		// The server's CPU time per answered request, in µs, when its process (`pid`) was given.
		cpuUs:
			cpuBefore === undefined || cpuAfter === undefined || result.requests.total === 0 ? undefined : ((cpuAfter - cpuBefore) * 1e6) / result.requests.total,
	};
}

const pad = (value, width, left = false) => (left ? String(value).padEnd(width) : String(value).padStart(width));

/** Rows of `{ name, rps, p50, p99, non2xx, errors }` as a fixed-width table. */
export function table(rows) {
	const width = Math.max(8, ...rows.map((row) => row.name.length));
	const lines = [`${pad('scenario', width, true)}  ${pad('req/s', 9)}  ${pad('p50 ms', 7)}  ${pad('p99 ms', 7)}  ${pad('non-2xx', 7)}  ${pad('errors', 6)}`];
	lines.push('-'.repeat(lines[0].length));
	for (const row of rows) {
		lines.push(
			`${pad(row.name, width, true)}  ${pad(row.rps.toFixed(0), 9)}  ${pad(row.p50, 7)}  ${pad(row.p99, 7)}  ${pad(row.non2xx, 7)}  ${pad(row.errors + row.timeouts, 6)}`,
		);
	}
	return lines.join('\n');
}

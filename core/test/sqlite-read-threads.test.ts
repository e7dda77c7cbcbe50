import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import Database from 'better-sqlite3';
import { sqliteDirectReader, slowReadMs } from '../src/database/dialects/sqlite/direct-reader.js';
import { ReadThreads } from '../src/database/dialects/sqlite/read-threads.js';
import type { DatabaseConfig } from '../src/config/types.js';
import type { DirectReader } from '../src/database/dialects/types.js';

// On SQLite a statement runs on the thread that calls it, so a slow read would stop the server's
// event loop (every other request) for as long as it takes. A read seen to be slow twice runs on
// a read thread from then on, gives the same rows, and comes back once it is fast again.

type Rows = Record<string, unknown>[];

/** A database file with `numbers(n)` holding 1..count, and a writable connection to it. */
function numbersFile(count: number): { filename: string; writer: Database.Database; remove(): void } {
	const folder = mkdtempSync(path.join(os.tmpdir(), 'mantle-read-threads-'));
	const filename = path.join(folder, 'data.db');
	const writer = new Database(filename);
	writer.pragma('journal_mode = WAL');
	writer.exec('create table numbers (n integer)');
	writer.exec(`insert into numbers (n) with recursive c(x) as (select 1 union all select x + 1 from c where x < ${count}) select x from c`);
	return {
		filename,
		writer,
		remove() {
			writer.close();
			rmSync(folder, { recursive: true, force: true });
		},
	};
}

function config(filename: string, readThreads: number): DatabaseConfig {
	return { client: 'sqlite3', filename, pool: {}, busyTimeout: 1000, readThreads };
}

type NumbersFile = ReturnType<typeof numbersFile>;

/** Runs `body` with SQLite's reader (and `readThreads` threads) on a new file of `rows` numbers; closes and removes both after. */
async function withReader(rows: number, readThreads: number, body: (reader: DirectReader, file: NumbersFile) => Promise<void>): Promise<void> {
	const file = numbersFile(rows);
	const reader = sqliteDirectReader(config(file.filename, readThreads))!;
	try {
		await body(reader, file);
	} finally {
		reader.close();
		file.remove();
	}
}

/** Runs `body` with read threads (at most `size`, stopped after `idleMs` idle) on a new file of ten numbers. */
async function withThreads(size: number, idleMs: number, body: (threads: ReadThreads) => Promise<void>): Promise<void> {
	const file = numbersFile(10);
	const threads = new ReadThreads({ filename: file.filename, busyTimeout: 1000 }, size, idleMs);
	try {
		await body(threads);
	} finally {
		threads.close();
		file.remove();
	}
}

// Counts the pairs of rows in order, a join no index can serve: with 2,000 rows, two million
// pairs, far longer than `slowReadMs` on any machine; with ten, a few microseconds.
const slowSql = "select count(*) as pairs, x'00ff' as tag from numbers a join numbers b on a.n < b.n where a.n > ?";
const pairs = (rows: number) => (rows * (rows - 1)) / 2;

/** Runs `sql` until the reader answers with a promise (on a thread), at most `tries` times; the answers before it were arrays. */
async function untilThreaded(reader: DirectReader, sql: string, tries: number): Promise<{ synchronous: Rows[]; threaded?: Rows }> {
	const synchronous: Rows[] = [];
	for (let run = 0; run < tries; run++) {
		const answer = reader.select(sql, [0]);
		if (answer instanceof Promise) return { synchronous, threaded: await answer };
		synchronous.push(answer);
	}
	return { synchronous };
}

test('a read slow twice in a row runs on a read thread from then on, with the same rows', (t) =>
	withReader(2000, 1, async (reader) => {
		const started = performance.now();
		const { synchronous, threaded } = await untilThreaded(reader, slowSql, 3);
		t.true((performance.now() - started) / 3 >= slowReadMs, 'the statement is slow enough to be moved');
		t.is(synchronous.length, 2, 'two slow runs on the event loop, the third on a thread');
		t.deepEqual(threaded, synchronous[0]);
		t.is(threaded![0]!.pairs, pairs(2000));
		// A BLOB crosses the thread as bytes and comes back as the Buffer the driver gives.
		t.true(Buffer.isBuffer(threaded![0]!.tag));

		// While it runs there, the event loop goes on: a timer set after the read began fires first.
		const order: string[] = [];
		const read = (reader.select(slowSql, [0]) as Promise<Rows>).then(() => order.push('read'));
		await new Promise((resolve) => setTimeout(resolve, 0)).then(() => order.push('timer'));
		await read;
		t.deepEqual(order, ['timer', 'read']);

		// A fast statement never leaves the event loop.
		t.deepEqual(reader.select('select count(*) as c from numbers where n = ?', [7]), [{ c: 1 }]);
	}));

test('a statement a thread finds fast comes back to the event loop, and sees writes committed meanwhile', (t) =>
	withReader(2000, 1, async (reader, file) => {
		t.truthy((await untilThreaded(reader, slowSql, 3)).threaded);
		file.writer.exec('delete from numbers where n > 10');
		// The thread's connection reads the committed state, quickly now.
		const ten = [{ pairs: pairs(10), tag: Buffer.from([0, 255]) }];
		// The first quick answer on the thread brings it back; a busy machine may stall one, so a few are allowed.
		let answer = reader.select(slowSql, [0]);
		for (let tries = 0; answer instanceof Promise && tries < 10; tries++) {
			t.deepEqual(await answer, ten);
			answer = reader.select(slowSql, [0]);
		}
		t.false(answer instanceof Promise, 'answered on the event loop again');
		t.deepEqual(answer, ten);
	}));

test('with no read threads every read runs on the event loop, however slow', (t) =>
	withReader(2000, 0, async (reader) => {
		const { synchronous, threaded } = await untilThreaded(reader, slowSql, 4);
		t.is(threaded, undefined);
		t.is(synchronous.length, 4);
	}));

test("a read thread answers a failing statement with the driver's message and code, and reads on", (t) =>
	withThreads(1, 30_000, async (threads) => {
		const error = await t.throwsAsync(threads.select('select * from missing_table', []));
		t.regex(error.message, /no such table: missing_table/);
		t.is((error as Error & { code?: string }).code, 'SQLITE_ERROR');
		// Its connection is read-only: a write is refused there whatever the statement.
		const write = await t.throwsAsync(threads.select('delete from numbers returning n', []));
		t.regex(write.message, /readonly|read-only/i);
		t.is((await threads.select('select count(*) as c from numbers', [])).rows[0]!.c, 10);
	}));

test('closing the database fails the reads still on a thread instead of leaving them waiting', (t) =>
	withReader(2000, 1, async (reader) => {
		t.truthy((await untilThreaded(reader, slowSql, 3)).threaded);
		const pending = reader.select(slowSql, [0]) as Promise<Rows>;
		reader.close();
		await t.throwsAsync(pending, { message: 'The database connection is closed.' });
		t.throws(() => reader.select('select 1', []), { message: 'The database connection is closed.' });
	}));

test('a read thread with nothing to do for its idle time is stopped, and the next read starts one again', (t) =>
	withThreads(2, 100, async (threads) => {
		t.is((await threads.select('select count(*) as c from numbers', [])).rows[0]!.c, 10);
		t.is(threads.running, 1);
		// Polled: the sweep runs every half idle time, so within a few of them the thread is gone.
		const deadline = Date.now() + 5000;
		while (threads.running > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
		t.is(threads.running, 0);
		t.is((await threads.select('select max(n) as m from numbers', [])).rows[0]!.m, 10);
		t.is(threads.running, 1);
	}));

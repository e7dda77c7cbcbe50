import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import type { DatabaseConfig } from '../../../config/index.js';
import type { DirectReader } from '../types.js';
import { cachedPrepare } from '../shared-statement-cache.js';
import { ReadThreads } from './read-threads.js';

const require = createRequire(import.meta.url);

/** Bindings as knex's better-sqlite3 client hands them over: dates as epoch milliseconds, booleans as 0 and 1. */
function driverValue(value: unknown): unknown {
	if (value instanceof Date) return value.valueOf();
	if (typeof value === 'boolean') return Number(value);
	return value;
}

/**
 * A statement that ran this long on the event loop twice in a row runs on a read thread from then
 * on. Below it, handing the statement over and its rows back costs more than it saves; once is not
 * enough, as a garbage collection while the rows are made can stretch any statement past it.
 */
export const slowReadMs = 1;

/** A BLOB came back from a thread as a bare Uint8Array: the driver's answer is a Buffer. */
function withBuffers(rows: Record<string, unknown>[]): Record<string, unknown>[] {
	for (const row of rows) {
		for (const key in row) {
			const value = row[key];
			if (value instanceof Uint8Array && !Buffer.isBuffer(value)) row[key] = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
		}
	}
	return rows;
}

/**
 * Reads on a second connection to the database file. The pool's one connection is the writer's;
 * a read beside it sees the last committed state (WAL keeps readers and the writer apart) instead
 * of waiting behind a write transaction, and never a write still in progress. Opened on first
 * use, when the writer has created the file; an in-memory database has no second connection to
 * the same data, so it has no reader. A statement seen to take `slowReadMs` or more runs on one of
 * `config.readThreads` threads from then on (see ReadThreads), and comes back to the event loop
 * once a thread finds it fast again; with no threads, every read runs here.
 */
export function sqliteDirectReader(config: DatabaseConfig): DirectReader | undefined {
	if (!config.filename || config.filename === ':memory:') return undefined;
	let connection: BetterSqlite3.Database | undefined;
	let prepare: ((sql: string) => BetterSqlite3.Statement) | undefined;
	let closed = false;
	const threads = config.readThreads > 0 ? new ReadThreads({ filename: config.filename, busyTimeout: config.busyTimeout }, config.readThreads) : undefined;
	// Per prepared statement (so one dropped from the cache is forgotten): its slow runs in a row.
	const slowRuns = new WeakMap<BetterSqlite3.Statement, number>();
	return {
		select(sql, bindings) {
			// A read still on its way when the database closes must not open the file again.
			if (closed) throw new Error('The database connection is closed.');
			if (!connection) {
				const Driver = require('better-sqlite3') as typeof BetterSqlite3;
				connection = new Driver(config.filename, { fileMustExist: true });
				connection.pragma('query_only = ON');
				connection.pragma(`busy_timeout = ${Math.floor(config.busyTimeout)}`);
				prepare = cachedPrepare((text) => connection!.prepare(text));
			}
			const statement = prepare!(sql);
			if (threads && (slowRuns.get(statement) ?? 0) >= 2) {
				return threads.select(sql, bindings.map(driverValue)).then((answer) => {
					if (answer.ms < slowReadMs / 4) slowRuns.delete(statement);
					return answer.binary ? withBuffers(answer.rows) : answer.rows;
				});
			}
			const started = performance.now();
			const rows = statement.all(bindings.map(driverValue)) as Record<string, unknown>[];
			if (!threads) return rows;
			if (performance.now() - started >= slowReadMs) slowRuns.set(statement, (slowRuns.get(statement) ?? 0) + 1);
			else slowRuns.delete(statement);
			return rows;
		},
		close() {
			closed = true;
			threads?.close();
			connection?.close();
			connection = undefined;
		},
	};
}

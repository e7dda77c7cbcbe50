import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import type { DatabaseConfig } from '../../../config/index.js';
import type { DirectReader } from '../types.js';
import { cachedPrepare } from '../shared-statement-cache.js';

const require = createRequire(import.meta.url);

/** Bindings as knex's better-sqlite3 client hands them over: dates as epoch milliseconds, booleans as 0 and 1. */
function driverValue(value: unknown): unknown {
	if (value instanceof Date) return value.valueOf();
	if (typeof value === 'boolean') return Number(value);
	return value;
}

/**
 * Reads on a second connection to the database file. The pool's one connection is the writer's;
 * a read beside it sees the last committed state (WAL keeps readers and the writer apart) instead
 * of waiting behind a write transaction, and never a write still in progress. Opened on first
 * use, when the writer has created the file; an in-memory database has no second connection to
 * the same data, so it has no reader.
 */
export function sqliteDirectReader(config: DatabaseConfig): DirectReader | undefined {
	if (!config.filename || config.filename === ':memory:') return undefined;
	let connection: BetterSqlite3.Database | undefined;
	let prepare: ((sql: string) => BetterSqlite3.Statement) | undefined;
	let closed = false;
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
			return prepare!(sql).all(bindings.map(driverValue)) as Record<string, unknown>[];
		},
		close() {
			closed = true;
			connection?.close();
			connection = undefined;
		},
	};
}

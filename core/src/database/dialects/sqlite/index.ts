import { sqlFragments } from './sql.js';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import type { Dialect } from '../types.js';
import { introspect } from './introspect.js';
import { sqliteFieldType } from './field-types.js';
import { values } from './values.js';
import { translateError } from './errors.js';
import { cachedPrepare } from '../shared-statement-cache.js';
import { sqliteDirectReader } from './direct-reader.js';

interface SqliteConnection {
	pragma(statement: string): unknown;
	prepare(sql: string): unknown;
}

export const sqlite: Dialect = {
	vendor: 'sqlite',
	knexClient: 'better-sqlite3',
	embedded: true,
	transactionalDdl: true,
	// Knex declares timestamps as `datetime`, indistinguishable from dateTime once created.
	columnTypes: { timestamp: 'timestamp' },
	knexConfig(config) {
		if (config.filename !== ':memory:') mkdirSync(path.dirname(config.filename), { recursive: true });
		return {
			client: 'better-sqlite3',
			connection: { filename: config.filename },
			useNullAsDefault: true,
			// One writer at a time is SQLite's nature; a single pooled connection avoids SQLITE_BUSY
			// between our own connections while WAL still lets other processes read.
			pool: {
				min: config.pool.min ?? 1,
				max: config.pool.max ?? 1,
				afterCreate(connection: SqliteConnection, done: (error: Error | null, connection: SqliteConnection) => void) {
					try {
						connection.pragma('journal_mode = WAL');
						connection.pragma('foreign_keys = ON');
						connection.pragma(`busy_timeout = ${Math.floor(config.busyTimeout)}`);
						// Knex prepares every query anew; the connection keeps its recent statements instead.
						connection.prepare = cachedPrepare(connection.prepare.bind(connection));
						done(null, connection);
					} catch (error) {
						done(error as Error, connection);
					}
				},
			},
		};
	},
	async listTables(knex: Knex) {
		const rows: Array<{ name: string }> = await knex.select('name').from('sqlite_master').where('type', 'table').whereNot('name', 'like', 'sqlite_%');
		return rows.map((row) => row.name);
	},
	async serverVersion(knex: Knex) {
		const [row] = await knex.raw('select sqlite_version() as version');
		return `SQLite ${row.version}`;
	},
	introspect,
	fieldType: sqliteFieldType,
	sql: sqlFragments,
	batchReturning: true,
	values,
	translateError,
	directReader: sqliteDirectReader,
};

import { sqlFragments } from './sql.js';
import type { Knex } from 'knex';
import type { Dialect } from '../types.js';
import { serverConnection, serverPool } from '../shared-connection.js';
import { introspect } from './introspect.js';
import { postgresFieldType } from './field-types.js';
import { pgTypes, values } from './values.js';
import { constraintColumns, translateError } from './errors.js';
import { postgresDirectReader } from './direct-reader.js';

export const postgres: Dialect = {
	vendor: 'postgres',
	knexClient: 'pg',
	transactionalDdl: true,
	knexConfig(config) {
		return {
			client: 'pg',
			connection: config.connectionString ?? {
				...serverConnection(config, 5432),
				types: pgTypes,
			},
			...(config.searchPath ? { searchPath: config.searchPath } : {}),
			pool: serverPool(config),
		};
	},
	async listTables(knex: Knex) {
		const result = await knex.raw(
			`select table_name from information_schema.tables
			 where table_type = 'BASE TABLE' and table_schema = any (current_schemas(false))`,
		);
		return result.rows.map((row: { table_name: string }) => row.table_name);
	},
	async serverVersion(knex: Knex) {
		const result = await knex.raw('show server_version');
		return `PostgreSQL ${result.rows[0].server_version}`;
	},
	introspect,
	fieldType: postgresFieldType,
	sql: sqlFragments,
	batchReturning: true,
	directReader: (_config, knex) => postgresDirectReader(knex),
	async syncAutoIncrement(knex, table, column) {
		// setval to the largest key, never backwards (a concurrent insert may already be past it).
		await knex.raw(
			"select setval(pg_get_serial_sequence(?, ?), greatest((select coalesce(max(??), 0) from ??), (select last_value from pg_sequences where schemaname || '.' || sequencename = pg_get_serial_sequence(?, ?)), 1), true)",
			[table, column, column, table, table, column],
		);
	},
	values,
	translateError,
	constraintColumns,
};

import { sqlFragments } from './sql.js';
import type { Knex } from 'knex';
import type { Dialect } from '../types.js';
import { serverPool } from '../shared-connection.js';
import { introspect } from './introspect.js';
import { mssqlFieldType } from './field-types.js';
import { values } from './values.js';
import { constraintColumns, translateError } from './errors.js';

export const mssql: Dialect = {
	vendor: 'mssql',
	knexClient: 'mssql',
	transactionalDdl: true,
	notSupported: "Mantle's system tables do not install on SQL Server yet",
	knexConfig(config) {
		return {
			client: 'mssql',
			connection: config.connectionString ?? {
				server: config.host ?? 'localhost',
				port: config.port ?? 1433,
				database: config.database,
				user: config.user,
				password: config.password,
				options: { trustServerCertificate: true },
			},
			pool: serverPool(config),
		};
	},
	async listTables(knex: Knex) {
		const rows: Array<{ name: string }> = await knex.raw(
			`select table_name as name from information_schema.tables
			 where table_type = 'BASE TABLE' and table_schema = schema_name()`,
		);
		return rows.map((row) => row.name);
	},
	async serverVersion(knex: Knex) {
		const rows: Array<{ version: string }> = await knex.raw(`select cast(serverproperty('ProductVersion') as varchar(32)) as version`);
		return `SQL Server ${rows[0]!.version}`;
	},
	introspect,
	fieldType: mssqlFieldType,
	sql: sqlFragments,
	batchReturning: true,
	values,
	translateError,
	constraintColumns,
};

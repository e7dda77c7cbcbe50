import { sqlFragments } from './sql.js';
import type { Knex } from 'knex';
import type { Dialect } from '../types.js';
import { serverConnection, serverPool } from '../shared-connection.js';
import { introspect } from './introspect.js';
import { mysqlFieldType } from './field-types.js';
import { values } from './values.js';
import { constraintColumns, translateError } from './errors.js';

interface MysqlConnection {
	query(sql: string, callback: (error: Error | null) => void): void;
}

export const mysql: Dialect = {
	vendor: 'mysql',
	knexClient: 'mysql2',
	transactionalDdl: false,
	unsignedAutoIncrement: true,
	knexConfig(config) {
		return {
			client: 'mysql2',
			connection: config.connectionString ?? {
				...serverConnection(config, 3306),
				charset: 'utf8mb4',
				// Big integers and decimals stay exact: they reach the engine as strings.
				supportBigNumbers: true,
				bigNumberStrings: true,
				decimalNumbers: false,
				// DATE and DATETIME are wall clocks: as the text stored, so no process zone shifts them.
				// TIMESTAMP stays a Date, read in UTC as the session below writes it.
				dateStrings: ['DATE', 'DATETIME'],
				timezone: 'Z',
				// JSON as text on MySQL as on MariaDB (LONGTEXT), so a stored JSON string stays a string.
				jsonStrings: true,
			},
			pool: {
				...serverPool(config),
				afterCreate(connection: MysqlConnection, done: (error: Error | null, connection: MysqlConnection) => void) {
					connection.query("SET time_zone = '+00:00'", (error) => done(error, connection));
				},
			},
		};
	},
	async listTables(knex: Knex) {
		const [rows] = await knex.raw(
			`select table_name as name from information_schema.tables
			 where table_type = 'BASE TABLE' and table_schema = database()`,
		);
		return rows.map((row: { name: string }) => row.name);
	},
	async serverVersion(knex: Knex) {
		const [rows] = await knex.raw('select version() as version');
		const version: string = rows[0].version;
		return /mariadb/i.test(version) ? `MariaDB ${version.split('-')[0]}` : `MySQL ${version}`;
	},
	introspect,
	fieldType: mysqlFieldType,
	sql: sqlFragments,
	batchReturning: false,
	values,
	translateError,
	constraintColumns,
};

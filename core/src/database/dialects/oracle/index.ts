import { sqlFragments } from './sql.js';
import type { Knex } from 'knex';
import type { Dialect } from '../types.js';
import { serverPool } from '../shared-connection.js';
import { introspect } from './introspect.js';
import { oracleFieldType } from './field-types.js';
import { values } from './values.js';
import { constraintColumns, translateError } from './errors.js';

export const oracle: Dialect = {
	vendor: 'oracle',
	knexClient: 'oracledb',
	transactionalDdl: false,
	notSupported: "Mantle's system tables do not install on Oracle yet",
	knexConfig(config) {
		return {
			client: 'oracledb',
			connection: {
				user: config.user,
				password: config.password,
				// node-oracledb thin mode: an Easy Connect string, no Instant Client needed.
				connectString: config.connectionString ?? `${config.host}:${config.port ?? 1521}/${config.database ?? ''}`,
			},
			pool: serverPool(config),
		};
	},
	async listTables(knex: Knex) {
		const rows: Array<{ NAME: string }> = await knex.raw(`select table_name as name from user_tables`);
		return rows.map((row) => row.NAME.toLowerCase());
	},
	async serverVersion(knex: Knex) {
		const rows: Array<{ VERSION: string }> = await knex.raw(`select version_full as version from product_component_version where rownum = 1`);
		return `Oracle ${rows[0]!.VERSION}`;
	},
	introspect,
	fieldType: oracleFieldType,
	sql: sqlFragments,
	batchReturning: false,
	values,
	translateError,
	constraintColumns,
};

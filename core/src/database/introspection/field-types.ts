import type { Vendor } from '../dialects/types.js';
import type { RawColumn } from './types.js';
import { sqliteFieldType } from '../dialects/sqlite/field-types.js';
import { postgresFieldType } from '../dialects/postgres/field-types.js';
import { mysqlFieldType } from '../dialects/mysql/field-types.js';
import { mssqlFieldType } from '../dialects/mssql/field-types.js';
import { oracleFieldType } from '../dialects/oracle/field-types.js';

/** The field types Mantle's API speaks; `hash` and `csv` are never read from a catalog, only declared. */
export const fieldTypes = [
	'string', 'text', 'integer', 'bigInteger', 'float', 'decimal', 'boolean', 'date', 'time', 'dateTime', 'timestamp',
	'json', 'uuid', 'hash', 'csv', 'binary', 'geometry', 'unknown',
] as const;

export type FieldType = (typeof fieldTypes)[number];

const byVendor: Record<Vendor, (column: RawColumn) => FieldType> = {
	sqlite: sqliteFieldType,
	postgres: postgresFieldType,
	mysql: mysqlFieldType,
	mssql: mssqlFieldType,
	oracle: oracleFieldType,
};

export function fieldTypeOf(column: RawColumn, vendor: Vendor): FieldType {
	return byVendor[vendor](column);
}

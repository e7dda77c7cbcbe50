import type { DatabaseClient } from '../../config/index.js';
import type { FieldType } from '../introspection/field-types.js';
import type { RawColumn } from '../introspection/types.js';
import type { Dialect, Vendor } from './types.js';
import { sqlite } from './sqlite/index.js';
import { postgres } from './postgres/index.js';
import { mysql } from './mysql/index.js';
import { mssql } from './mssql/index.js';
import { oracle } from './oracle/index.js';

export type { Dialect, Vendor } from './types.js';

const dialectsByClient: Record<DatabaseClient, Dialect> = {
	sqlite3: sqlite,
	'better-sqlite3': sqlite,
	pg: postgres,
	postgres,
	mysql,
	mysql2: mysql,
	mariadb: mysql,
	mssql,
	oracledb: oracle,
};

export function dialectFor(client: DatabaseClient): Dialect {
	return dialectsByClient[client];
}

const dialectsByVendor: Record<Vendor, Dialect> = { sqlite, postgres, mysql, mssql, oracle };

export function dialectOfVendor(vendor: Vendor): Dialect {
	return dialectsByVendor[vendor];
}

/** The API's field type of a column read from `vendor`'s catalog. */
export function fieldTypeOf(column: RawColumn, vendor: Vendor): FieldType {
	return dialectsByVendor[vendor].fieldType(column);
}

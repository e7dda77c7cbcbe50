import type { DatabaseClient } from '../../config/index.js';
import type { Dialect } from './types.js';
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

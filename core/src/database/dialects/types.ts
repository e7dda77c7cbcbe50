import type { Knex } from 'knex';
import type { DatabaseConfig } from '../../config/index.js';

export type Vendor = 'sqlite' | 'postgres' | 'mysql' | 'mssql' | 'oracle';

/**
 * Everything that differs between database vendors lives behind this interface, one folder per
 * vendor. Code above the database layer never branches on the vendor.
 */
export interface Dialect {
	readonly vendor: Vendor;
	/** The knex client (driver) name. */
	readonly knexClient: string;
	/** Knex configuration for this vendor: connection, pool and per-connection setup. */
	knexConfig(config: DatabaseConfig): Knex.Config;
	/** Base tables (not views) of the schemas Mantle sees. */
	listTables(knex: Knex): Promise<string[]>;
	/** A human-readable server version, e.g. `PostgreSQL 15.4`. */
	serverVersion(knex: Knex): Promise<string>;
}

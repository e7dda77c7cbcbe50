import type { Knex } from 'knex';
import type { DatabaseConfig } from '../../config/index.js';
import type { IntrospectOptions, RawSchema } from '../introspection/types.js';

export type Vendor = 'sqlite' | 'postgres' | 'mysql' | 'mssql' | 'oracle';

/**
 * Everything that differs between database vendors lives behind this interface, one folder per
 * vendor. Code above the database layer never branches on the vendor.
 */
export interface Dialect {
	readonly vendor: Vendor;
	/** The knex client (driver) name. */
	readonly knexClient: string;
	/** Whether DDL statements take part in transactions (MySQL and Oracle commit on each one). */
	readonly transactionalDdl: boolean;
	/** Column types to declare instead of knex's choice, where knex's would read back as another field type. */
	readonly columnTypes?: Readonly<Record<string, string>>;
	/** Auto-increment keys are unsigned, so columns referencing them must be unsigned too (MySQL). */
	readonly unsignedAutoIncrement?: boolean;
	/** Knex configuration for this vendor: connection, pool and per-connection setup. */
	knexConfig(config: DatabaseConfig): Knex.Config;
	/** Base tables (not views) of the schemas Mantle sees. */
	listTables(knex: Knex): Promise<string[]>;
	/** A human-readable server version, e.g. `PostgreSQL 15.4`. */
	serverVersion(knex: Knex): Promise<string>;
	/** Reads tables, columns, keys, indexes and views from the catalog, in a fixed number of queries. */
	introspect(knex: Knex, options?: IntrospectOptions): Promise<RawSchema>;
}

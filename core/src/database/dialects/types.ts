import type { Knex } from 'knex';
import type { DatabaseConfig } from '../../config/index.js';
import type { FieldType } from '../introspection/field-types.js';
import type { IntrospectOptions, RawColumn, RawSchema } from '../introspection/types.js';
import type { SqlFragments } from './sql-fragments.js';
import type { DialectValues } from './value-forms.js';

export type Vendor = 'sqlite' | 'postgres' | 'mysql' | 'mssql' | 'oracle';

/**
 * Everything that differs between database vendors lives behind this interface, one folder per
 * vendor. Code above the database layer never branches on the vendor.
 */
export interface Dialect {
	readonly vendor: Vendor;
	/** The knex client (driver) name. */
	readonly knexClient: string;
	/** The database is a file this process opens: no host, port or user to configure. */
	readonly embedded?: boolean;
	/** Whether DDL statements take part in transactions (MySQL and Oracle commit on each one). */
	readonly transactionalDdl: boolean;
	/** Column types to declare instead of knex's choice, where knex's would read back as another field type. */
	readonly columnTypes?: Readonly<Record<string, string>>;
	/** Auto-increment keys are unsigned, so columns referencing them must be unsigned too (MySQL). */
	readonly unsignedAutoIncrement?: boolean;
	/**
	 * Why Mantle cannot run on this vendor yet, when it cannot: introspection and the data engine
	 * speak it, but the system tables do not install there. The start is refused with this reason.
	 */
	readonly notSupported?: string;
	/** Knex configuration for this vendor: connection, pool and per-connection setup. */
	knexConfig(config: DatabaseConfig): Knex.Config;
	/** Base tables (not views) of the schemas Mantle sees. */
	listTables(knex: Knex): Promise<string[]>;
	/** A human-readable server version, e.g. `PostgreSQL 15.4`. */
	serverVersion(knex: Knex): Promise<string>;
	/** Reads tables, columns, keys, indexes and views from the catalog, in a fixed number of queries. */
	introspect(knex: Knex, options?: IntrospectOptions): Promise<RawSchema>;
	/** The API's field type for a column as this vendor's catalog describes it. */
	fieldType(column: RawColumn): FieldType;
	/** SQL the data engine builds queries from: date parts, case-exact matching. */
	readonly sql: SqlFragments;
	/** Whether a multi-row INSERT can hand back every new key (RETURNING / OUTPUT); otherwise rows go one by one. */
	readonly batchReturning: boolean;
	/** After rows were inserted with explicit keys, moves the key generator past them (PostgreSQL sequences don't follow by themselves). */
	syncAutoIncrement?(knex: Knex, table: string, column: string): Promise<void>;
	/** How field values are bound for this driver and read back from it. */
	readonly values: DialectValues;
	/** Recognises a constraint violation in an error this vendor's driver threw. */
	translateError(error: unknown): ConstraintViolation | undefined;
	/**
	 * The columns of a named unique key or foreign key of a table, for errors that name the
	 * constraint but not the column (MySQL's duplicate keys, SQL Server, Oracle). Runs only on the
	 * error path.
	 */
	constraintColumns?(knex: Knex, table: string, constraint: string): Promise<string[]>;
	/**
	 * Runs reads outside any transaction straight on the driver: knex's runner (a query builder,
	 * a pool acquire with its timer, the response processing) costs more than a small SELECT.
	 * Vendors without one read through knex.
	 */
	directReader?(config: DatabaseConfig, knex: Knex): DirectReader | undefined;
}

/** Runs a SELECT (`?` placeholders, as knex compiles it) straight on the driver, seeing only committed data. */
export interface DirectReader {
	/** The rows, as the driver gives them to knex; throws (or rejects) as the driver does. */
	select(sql: string, bindings: readonly unknown[]): Record<string, unknown>[] | Promise<Record<string, unknown>[]>;
	close(): void;
}

export type ConstraintViolationCode = 'RECORD_NOT_UNIQUE' | 'NOT_NULL_VIOLATION' | 'VALUE_TOO_LONG' | 'VALUE_OUT_OF_RANGE' | 'INVALID_FOREIGN_KEY';

/** What a vendor's error says about a violated constraint, as far as it says it. */
export interface ConstraintViolation {
	code: ConstraintViolationCode;
	table?: string;
	/** The column, when the message names it. */
	field?: string;
	/** The offending value, when the message quotes it (as text). */
	value?: unknown;
	/** The constraint or key name, when the message gives one instead of the column. */
	constraint?: string;
}

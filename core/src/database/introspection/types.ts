/**
 * The database as it is, in one vendor-neutral shape. Every dialect's `introspect` returns a
 * RawSchema; everything above the database layer reads this model and never the catalog.
 */

/** Referential actions, spelled as SQL spells them. */
export type ReferentialAction = 'CASCADE' | 'SET NULL' | 'NO ACTION' | 'RESTRICT' | 'SET DEFAULT';

/**
 * A column default as a value: a literal, or a marker for the current-time functions whatever
 * the vendor calls them (`now()`, `getdate()`, `SYSTIMESTAMP` ...). Expressions with no portable
 * meaning are kept as their SQL text.
 */
export type RawDefault = string | number | boolean | null;

export const nowMarkers = ['CURRENT_TIMESTAMP', 'CURRENT_DATE', 'CURRENT_TIME'] as const;

export interface RawTable {
	name: string;
	schema?: string;
	comment?: string;
}

export interface RawColumn {
	table: string;
	name: string;
	/** The vendor's own type name, lower-case, e.g. `character varying`, `varchar(255)`, `tinyint(1)`, `number`. */
	dataType: string;
	defaultValue: RawDefault;
	isNullable: boolean;
	/** In characters for text types, in bytes for binary types; null when unbounded. */
	maxLength: number | null;
	numericPrecision: number | null;
	numericScale: number | null;
	isPrimaryKey: boolean;
	/** The database fills the value on insert (serial, identity, auto_increment, rowid alias, sequence trigger). */
	hasAutoIncrement: boolean;
	/** A unique constraint or unique index covers this column alone. */
	isUnique: boolean;
	/** A check constraint requires valid JSON: how vendors without a JSON type mark JSON text. */
	hasJsonCheck?: boolean;
	comment?: string;
}

export interface RawForeignKey {
	table: string;
	column: string;
	foreignKeyTable: string;
	foreignKeyColumn: string;
	/** SQLite does not name its constraints. */
	constraintName: string | null;
	onDelete: ReferentialAction;
	onUpdate: ReferentialAction;
}

export interface RawIndex {
	table: string;
	name: string;
	/** In index order; expression parts are left out. */
	columns: string[];
	unique: boolean;
	primary: boolean;
}

export interface RawSchema {
	tables: RawTable[];
	columns: RawColumn[];
	foreignKeys: RawForeignKey[];
	indexes: RawIndex[];
	/** Views are readable but are not tables: they have no keys to write through. */
	views: string[];
}

export interface IntrospectOptions {
	/** PostgreSQL and MSSQL: the schemas to read (default: the search path / the user's default schema). */
	schemas?: string[];
}

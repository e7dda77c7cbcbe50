/**
 * The field types Mantle's API speaks, spelled once for the kernel's introspection, the Studio's
 * field form and the displays. `hash` and `csv` are never read from a catalog, only declared.
 */
export const fieldTypes = [
	'string',
	'text',
	'integer',
	'bigInteger',
	'float',
	'decimal',
	'boolean',
	'date',
	'time',
	'dateTime',
	'timestamp',
	'json',
	'uuid',
	'hash',
	'csv',
	'binary',
	'geometry',
	'unknown',
] as const;

/** A type a column is stored as; `alias` fields (relations, groups) have no column. */
export type StoredFieldType = (typeof fieldTypes)[number];

/** A row of `/relations`, the parts the Studio and the relational interfaces read to tell a relation's kind. */
export interface RelationRow {
	collection: string;
	field: string;
	related_collection: string | null;
	meta: {
		one_field?: string | null;
		junction_field?: string | null;
		sort_field?: string | null;
		one_collection_field?: string | null;
		one_allowed_collections?: string[] | null;
	} | null;
}

/** The field types Mantle's API speaks; `hash` and `csv` are never read from a catalog, only declared. */
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

export type FieldType = (typeof fieldTypes)[number];

import type { FieldType } from '../../introspection/field-types.js';
import type { RawColumn } from '../../introspection/types.js';
import { parseTypeName } from '../../introspection/type-name.js';

const names: Record<string, FieldType> = {
	varchar2: 'string',
	nvarchar2: 'string',
	varchar: 'string',
	char: 'string',
	nchar: 'string',
	clob: 'text',
	nclob: 'text',
	long: 'text',
	float: 'float',
	binary_float: 'float',
	binary_double: 'float',
	// Oracle's DATE carries a time of day.
	date: 'dateTime',
	timestamp: 'dateTime',
	'timestamp with time zone': 'timestamp',
	'timestamp with local time zone': 'timestamp',
	json: 'json',
	blob: 'binary',
	raw: 'binary',
	'long raw': 'binary',
	sdo_geometry: 'geometry',
};

// Oracle has one NUMBER type; precision and scale say what it holds. NUMBER(1,0) is the
// conventional boolean (knex's too), INTEGER is NUMBER(*,0), knex's bigInteger is NUMBER(20,0).
function numberType(precision: number | null, scale: number | null): FieldType {
	if (scale !== 0) return 'decimal';
	if (precision === null) return 'integer';
	if (precision === 1) return 'boolean';
	if (precision <= 9) return 'integer';
	if (precision <= 20) return 'bigInteger';
	return 'decimal';
}

export function oracleFieldType(column: RawColumn): FieldType {
	const { base } = parseTypeName(column.dataType);
	if (base === 'number' || base === 'integer') return numberType(column.numericPrecision, column.numericScale);
	if (column.hasJsonCheck && /char|clob|blob/.test(base)) return 'json';
	if (base === 'raw' && column.maxLength === 16) return 'uuid';
	if ((base === 'char' || base === 'nchar') && column.maxLength === 36) return 'uuid';
	return names[base] ?? 'unknown';
}

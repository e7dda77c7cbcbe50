import type { FieldType } from '../../introspection/field-types.js';
import type { RawColumn } from '../../introspection/types.js';
import { parseTypeName } from '../../introspection/type-name.js';
import { geometryTypeNames } from '../shared-type-names.js';

// SQLite keeps whatever type name the table was declared with; these are the names knex and
// common tools write. Anything else falls back to SQLite's own affinity rules.
const names: Record<string, FieldType> = {
	boolean: 'boolean',
	bool: 'boolean',
	varchar: 'string',
	'character varying': 'string',
	'varying character': 'string',
	nvarchar: 'string',
	'native character': 'string',
	char: 'string',
	character: 'string',
	nchar: 'string',
	string: 'string',
	text: 'text',
	clob: 'text',
	mediumtext: 'text',
	longtext: 'text',
	integer: 'integer',
	int: 'integer',
	smallint: 'integer',
	mediumint: 'integer',
	tinyint: 'integer',
	int2: 'integer',
	bigint: 'bigInteger',
	int8: 'bigInteger',
	'unsigned big int': 'bigInteger',
	real: 'float',
	float: 'float',
	double: 'float',
	'double precision': 'float',
	decimal: 'decimal',
	numeric: 'decimal',
	date: 'date',
	time: 'time',
	datetime: 'dateTime',
	timestamp: 'timestamp',
	json: 'json',
	jsonb: 'json',
	uuid: 'uuid',
	blob: 'binary',
	binary: 'binary',
	varbinary: 'binary',
	...geometryTypeNames,
};

function affinity(base: string): FieldType {
	if (base.includes('int')) return 'integer';
	if (/char|clob|text/.test(base)) return 'text';
	if (base.includes('blob')) return 'binary';
	if (/real|floa|doub/.test(base)) return 'float';
	return 'unknown';
}

export function sqliteFieldType(column: RawColumn): FieldType {
	const { base, args } = parseTypeName(column.dataType);
	if ((base === 'char' || base === 'character') && args[0] === 36) return 'uuid';
	if (base === 'tinyint' && args[0] === 1) return 'boolean';
	return names[base] ?? affinity(base);
}

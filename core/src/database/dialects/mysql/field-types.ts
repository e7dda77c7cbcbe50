import type { FieldType } from '../../introspection/field-types.js';
import type { RawColumn } from '../../introspection/types.js';
import { parseTypeName } from '../../introspection/type-name.js';
import { geometryTypeNames } from '../shared-type-names.js';

const names: Record<string, FieldType> = {
	varchar: 'string',
	char: 'string',
	enum: 'string',
	inet4: 'string',
	inet6: 'string',
	set: 'csv',
	text: 'text',
	tinytext: 'text',
	mediumtext: 'text',
	longtext: 'text',
	int: 'integer',
	integer: 'integer',
	smallint: 'integer',
	mediumint: 'integer',
	tinyint: 'integer',
	year: 'integer',
	bigint: 'bigInteger',
	float: 'float',
	double: 'float',
	real: 'float',
	decimal: 'decimal',
	numeric: 'decimal',
	date: 'date',
	time: 'time',
	datetime: 'dateTime',
	timestamp: 'timestamp',
	json: 'json',
	uuid: 'uuid',
	binary: 'binary',
	varbinary: 'binary',
	blob: 'binary',
	tinyblob: 'binary',
	mediumblob: 'binary',
	longblob: 'binary',
	...geometryTypeNames,
};

export function mysqlFieldType(column: RawColumn): FieldType {
	const { base, args } = parseTypeName(column.dataType);
	// MySQL has no boolean type: `boolean` is stored as tinyint(1), and that width is the only mark.
	if (base === 'tinyint' && args[0] === 1) return 'boolean';
	if (base === 'bit' && column.numericPrecision === 1) return 'boolean';
	if (base === 'char' && column.maxLength === 36) return 'uuid';
	// MariaDB's JSON is an alias of longtext guarded by a json_valid() check.
	if (column.hasJsonCheck && /text$/.test(base)) return 'json';
	return names[base] ?? 'unknown';
}

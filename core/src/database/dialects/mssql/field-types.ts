import type { FieldType } from '../../introspection/field-types.js';
import type { RawColumn } from '../../introspection/types.js';
import { parseTypeName } from '../../introspection/type-name.js';

const names: Record<string, FieldType> = {
	nvarchar: 'string',
	varchar: 'string',
	nchar: 'string',
	char: 'string',
	ntext: 'text',
	text: 'text',
	xml: 'text',
	int: 'integer',
	smallint: 'integer',
	tinyint: 'integer',
	bigint: 'bigInteger',
	float: 'float',
	real: 'float',
	decimal: 'decimal',
	numeric: 'decimal',
	money: 'decimal',
	smallmoney: 'decimal',
	bit: 'boolean',
	date: 'date',
	time: 'time',
	datetime: 'dateTime',
	datetime2: 'dateTime',
	smalldatetime: 'dateTime',
	datetimeoffset: 'timestamp',
	uniqueidentifier: 'uuid',
	json: 'json',
	varbinary: 'binary',
	binary: 'binary',
	image: 'binary',
	// SQL Server's `timestamp` is a row version counter, not a point in time.
	timestamp: 'binary',
	rowversion: 'binary',
	geometry: 'geometry',
	geography: 'geometry',
};

export function mssqlFieldType(column: RawColumn): FieldType {
	const { base } = parseTypeName(column.dataType);
	// `(max)` columns have no length: they are long text, as knex's `text` and `json` create them.
	if ((base === 'nvarchar' || base === 'varchar') && column.maxLength === null) return column.hasJsonCheck ? 'json' : 'text';
	return names[base] ?? 'unknown';
}

import type { FieldType } from '../../introspection/field-types.js';
import type { RawColumn } from '../../introspection/types.js';
import { parseTypeName } from '../../introspection/type-name.js';

// Both the SQL-standard names (`character varying`) and the internal ones (`varchar`, `int4`) occur.
const names: Record<string, FieldType> = {
	'character varying': 'string',
	varchar: 'string',
	character: 'string',
	char: 'string',
	bpchar: 'string',
	name: 'string',
	inet: 'string',
	cidr: 'string',
	macaddr: 'string',
	text: 'text',
	citext: 'text',
	xml: 'text',
	integer: 'integer',
	int: 'integer',
	int4: 'integer',
	smallint: 'integer',
	int2: 'integer',
	serial: 'integer',
	serial4: 'integer',
	smallserial: 'integer',
	bigint: 'bigInteger',
	int8: 'bigInteger',
	bigserial: 'bigInteger',
	serial8: 'bigInteger',
	real: 'float',
	float4: 'float',
	'double precision': 'float',
	float8: 'float',
	numeric: 'decimal',
	decimal: 'decimal',
	money: 'decimal',
	boolean: 'boolean',
	bool: 'boolean',
	date: 'date',
	time: 'time',
	'time without time zone': 'time',
	'time with time zone': 'time',
	timetz: 'time',
	timestamp: 'dateTime',
	'timestamp without time zone': 'dateTime',
	timestamptz: 'timestamp',
	'timestamp with time zone': 'timestamp',
	json: 'json',
	jsonb: 'json',
	uuid: 'uuid',
	bytea: 'binary',
	geometry: 'geometry',
	geography: 'geometry',
};

export function postgresFieldType(column: RawColumn): FieldType {
	return names[parseTypeName(column.dataType).base] ?? 'unknown';
}

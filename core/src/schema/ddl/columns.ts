import type { Knex } from 'knex';
import type { FieldType } from '../../database/introspection/field-types.js';
import { createError } from '../../errors/index.js';

/** The `schema` part of a field as clients send it when creating or altering. */
export interface FieldSchemaInput {
	max_length?: number | null;
	numeric_precision?: number | null;
	numeric_scale?: number | null;
	is_nullable?: boolean;
	default_value?: unknown;
	is_unique?: boolean;
	is_primary_key?: boolean;
	has_auto_increment?: boolean;
	/** Only honoured where the vendor has unsigned integers. */
	unsigned?: boolean;
}

/**
 * `hash` and `csv` are stored in ordinary columns; their special tells readers what they hold.
 * `json` is marked too, whatever the vendor's column, since clients read `meta.special` to choose
 * how to edit a value.
 */
export const storedTypeSpecial: Partial<Record<FieldType, string>> = { hash: 'hash', csv: 'cast-csv', json: 'cast-json' };

/**
 * Adds (or, with `alter`, redefines) one column from an API field definition. Knex writes the
 * vendor's own type for each builder, so this stays free of vendor SQL.
 */
export function defineColumn(
	knex: Knex,
	table: Knex.CreateTableBuilder | Knex.AlterTableBuilder,
	name: string,
	type: FieldType,
	schema: FieldSchemaInput,
	options: { alter?: boolean; columnTypes?: Readonly<Record<string, string>> } = {},
): void {
	const alter = options.alter === true;
	const native = options.columnTypes?.[type];
	const column = native ? table.specificType(name, native) : columnOfType(table, name, type, schema);
	if (!column) return; // auto-increment primary keys are complete as created
	if (schema.unsigned) column.unsigned();
	if (schema.is_primary_key && !alter) column.primary();
	if (schema.is_nullable === false || schema.is_primary_key) column.notNullable();
	else column.nullable();
	if (schema.default_value !== undefined && schema.default_value !== null) {
		column.defaultTo(defaultFor(knex, type, schema.default_value));
	} else if (alter) {
		column.defaultTo(null);
	}
	if (schema.is_unique && !alter && !schema.is_primary_key) column.unique();
	if (alter) column.alter();
}

function columnOfType(
	table: Knex.CreateTableBuilder | Knex.AlterTableBuilder,
	name: string,
	type: FieldType,
	schema: FieldSchemaInput,
): Knex.ColumnBuilder | undefined {
	const autoIncrement = schema.has_auto_increment === true;
	switch (type) {
		case 'string':
			return table.string(name, schema.max_length ?? 255);
		case 'hash':
			return table.string(name, 255);
		case 'text':
		case 'csv':
			return table.text(name);
		case 'integer':
			if (autoIncrement) return void table.increments(name, { primaryKey: schema.is_primary_key !== false });
			return table.integer(name);
		case 'bigInteger':
			if (autoIncrement) return void table.bigIncrements(name, { primaryKey: schema.is_primary_key !== false });
			return table.bigInteger(name);
		case 'float':
			return table.float(name, schema.numeric_precision ?? undefined, schema.numeric_scale ?? undefined);
		case 'decimal':
			// Knex writes SQLite decimals as float, losing precision and scale; `decimal(p,s)` is
			// standard SQL that every vendor keeps as written.
			return table.specificType(name, `decimal(${Math.floor(schema.numeric_precision ?? 10)},${Math.floor(schema.numeric_scale ?? 5)})`);
		case 'boolean':
			return table.boolean(name);
		case 'date':
			return table.date(name);
		case 'time':
			return table.time(name);
		case 'dateTime':
			return table.dateTime(name, { useTz: false });
		case 'timestamp':
			return table.timestamp(name, { useTz: true });
		case 'json':
			return table.json(name);
		case 'uuid':
			return table.uuid(name);
		case 'binary':
			return table.binary(name, schema.max_length ?? undefined);
		case 'geometry':
			return table.geometry(name);
		default:
			throw createError('fieldTypeNotCreatable', { type }, { field: name });
	}
}

/** `CURRENT_TIMESTAMP` (how introspection reports now-defaults) becomes each vendor's now(). */
function defaultFor(knex: Knex, type: FieldType, value: unknown): Knex.Value {
	if (value === 'CURRENT_TIMESTAMP' && ['timestamp', 'dateTime', 'date', 'time'].includes(type)) return knex.fn.now();
	if (type === 'json' && typeof value !== 'string') return JSON.stringify(value);
	return value as Knex.Value;
}

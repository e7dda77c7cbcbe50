import type { Knex } from 'knex';
import type { ConstraintViolation, Dialect } from '../../database/dialects/types.js';
import type { MantleError } from '../../errors/index.js';
import type { CollectionInfo, FieldInfo, SchemaOverview } from '../../schema/types.js';
import { violationError } from './messages.js';

type Row = Record<string, unknown>;

export interface ConstraintErrorContext {
	dialect: Dialect;
	knex: Knex;
	/** The collection written to, for errors that do not name their table. */
	collection: string;
	schema: SchemaOverview;
	/**
	 * The values written (as bound), to find the field where the database does not name it: too
	 * long (PostgreSQL, older SQL Server), out of range (PostgreSQL, SQL Server, Oracle), a foreign
	 * key (SQLite), not null or unique where a key name could not be resolved.
	 */
	payload?: unknown;
}

const isRow = (value: unknown): value is Row => typeof value === 'object' && value !== null && !Array.isArray(value);

function payloadRows(payload: unknown): Row[] {
	if (Array.isArray(payload)) return payload.filter(isRow);
	return isRow(payload) ? [payload] : [];
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function collectionOf(schema: SchemaOverview, table: string | undefined): CollectionInfo | undefined {
	if (table === undefined) return undefined;
	return schema.collections.get(table) ?? [...schema.collections.values()].find((info) => info.schema && same(info.schema.name, table));
}

function fieldOf(info: CollectionInfo | undefined, column: string | undefined): FieldInfo | undefined {
	if (!info || column === undefined) return undefined;
	return info.fields.find((field) => field.field === column) ?? info.fields.find((field) => same(field.field, column));
}

/** Knex's names: `<table>_<column>_unique`, `<table>_<column>_foreign`. */
function fieldByConvention(info: CollectionInfo, constraint: string): FieldInfo | undefined {
	const table = info.schema?.name ?? info.collection;
	const match = new RegExp(`^${table.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}_(.+)_(?:unique|foreign|index)$`, 'i').exec(constraint);
	return match ? fieldOf(info, match[1]) : undefined;
}

async function fieldOfConstraint(context: ConstraintErrorContext, info: CollectionInfo, constraint: string): Promise<FieldInfo | undefined> {
	const table = info.schema?.name ?? info.collection;
	const columns = context.dialect.constraintColumns ? await context.dialect.constraintColumns(context.knex, table, constraint).catch(() => []) : [];
	return fieldOf(info, columns[0]) ?? fieldByConvention(info, constraint);
}

const integerBits: Record<string, number> = { tinyint: 8, smallint: 16, int2: 16, mediumint: 24, int: 32, integer: 32, int4: 32, bigint: 64, int8: 64 };

function outOfRange(field: FieldInfo, value: unknown): boolean {
	if (value === null || value === undefined || typeof value === 'boolean') return false;
	let number: bigint | number;
	try {
		number = field.type === 'decimal' || field.type === 'float' ? Number(value) : BigInt(value as string | number);
	} catch {
		return false;
	}
	const dataType = (field.schema?.data_type ?? '').toLowerCase();
	const bits = integerBits[dataType.replace(/\s*unsigned|\(.*\)/g, '').trim()];
	if ((field.type === 'integer' || field.type === 'bigInteger') && bits) {
		const big = BigInt(number as bigint);
		const unsigned = dataType.includes('unsigned');
		const min = unsigned ? 0n : -(2n ** BigInt(bits - 1));
		const max = unsigned ? 2n ** BigInt(bits) - 1n : 2n ** BigInt(bits - 1) - 1n;
		return big < min || big > max;
	}
	const precision = field.schema?.numeric_precision;
	if (field.type === 'decimal' && typeof precision === 'number') {
		return Math.abs(Number(number)) >= 10 ** (precision - (field.schema?.numeric_scale ?? 0));
	}
	return false;
}

async function exists(knex: Knex, table: string, column: string, value: unknown): Promise<boolean> {
	return (
		(await knex(table)
			.select(column)
			.where(column, value as Knex.Value)
			.first()) !== undefined
	);
}

/** The field whose value in the payload explains the violation, and that value. */
async function fieldFromPayload(
	context: ConstraintErrorContext,
	info: CollectionInfo,
	code: ConstraintViolation['code'],
): Promise<{ field: FieldInfo; value: unknown } | undefined> {
	const rows = payloadRows(context.payload);
	const table = info.schema?.name ?? info.collection;
	for (const row of rows) {
		for (const field of info.fields) {
			const schema = field.schema;
			if (!schema) continue;
			const value = row[field.field];
			const given = value !== null && value !== undefined;
			switch (code) {
				case 'VALUE_TOO_LONG':
					if (typeof value === 'string' && schema.max_length !== null && [...value].length > schema.max_length) return { field, value };
					break;
				case 'VALUE_OUT_OF_RANGE':
					if (outOfRange(field, value)) return { field, value };
					break;
				case 'NOT_NULL_VIOLATION':
					if (!schema.is_nullable && !schema.has_auto_increment && (value === null || (value === undefined && schema.default_value === null)))
						return { field, value: null };
					break;
				case 'INVALID_FOREIGN_KEY':
					if (
						given &&
						schema.foreign_key_table &&
						schema.foreign_key_column &&
						!(await exists(context.knex, schema.foreign_key_table, schema.foreign_key_column, value))
					)
						return { field, value };
					break;
				case 'RECORD_NOT_UNIQUE':
					if (given && (schema.is_unique || schema.is_primary_key) && (await exists(context.knex, table, field.field, value))) return { field, value };
					break;
			}
		}
	}
	return undefined;
}

/**
 * Turns a constraint violation the database reported into the catalogue error a client reads,
 * naming the field: from the vendor's message where it names the column, from the constraint's
 * columns where it names a key (looked up in the catalog), else from the payload. Errors that are
 * no constraint violation give undefined, for the caller to handle as before.
 */
export async function toConstraintError(error: unknown, context: ConstraintErrorContext): Promise<MantleError | undefined> {
	const violation = context.dialect.translateError(error);
	if (!violation) return undefined;
	const info = collectionOf(context.schema, violation.table) ?? context.schema.collections.get(context.collection);
	const collection = info?.collection ?? context.collection;

	let field = fieldOf(info, violation.field);
	let value = violation.value;
	if (!field && info && violation.constraint) field = await fieldOfConstraint(context, info, violation.constraint);
	if (!field && info && context.payload) {
		const found = await fieldFromPayload(context, info, violation.code).catch(() => undefined);
		field = found?.field;
		value ??= found?.value;
	}
	const name = field?.field ?? violation.field;
	// The value as the client sent it beats the database's quotation of it, which is always text.
	if (name !== undefined && isRow(context.payload) && context.payload[name] !== undefined) value = context.payload[name];

	const withValue = violation.code === 'RECORD_NOT_UNIQUE' || violation.code === 'INVALID_FOREIGN_KEY';
	const extensions: Record<string, unknown> = { collection };
	if (name !== undefined) extensions.field = name;
	if (withValue && value !== undefined && value !== null) extensions.value = value;
	return violationError(violation.code, collection, name, withValue ? value : undefined, extensions);
}

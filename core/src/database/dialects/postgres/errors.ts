import type { Knex } from 'knex';
import type { ConstraintViolation } from '../types.js';

interface PgError {
	code?: unknown;
	detail?: unknown;
	table?: unknown;
	column?: unknown;
	constraint?: unknown;
}

const unquote = (name: string) =>
	name
		.trim()
		.replace(/^"(.*)"$/, '$1')
		.replace(/""/g, '"');

/** `Key (slug)=(x) already exists.` / `Key (author)=(99) is not present in table "authors".` */
function keyOf(detail: unknown): { field?: string; value?: string } {
	const match = /^Key \((.+?)\)=\((.*)\) (?:already exists|is not present|is still referenced)/.exec(String(detail ?? ''));
	if (!match) return {};
	const columns = match[1]!.split(',');
	return columns.length === 1 ? { field: unquote(columns[0]!), value: match[2] } : { field: unquote(columns[0]!) };
}

/**
 * pg errors carry the SQLSTATE in `code` and, for integrity violations, `table`, `column`,
 * `constraint` and a `detail` quoting the key. Length and range errors (22001, 22003) name no
 * column at all.
 */
export function translateError(error: unknown): ConstraintViolation | undefined {
	if (typeof error !== 'object' || error === null) return undefined;
	const { code, detail, table, column, constraint } = error as PgError;
	const where = {
		...(typeof table === 'string' ? { table } : {}),
		...(typeof constraint === 'string' ? { constraint } : {}),
	};
	switch (code) {
		case '23505':
			return { code: 'RECORD_NOT_UNIQUE', ...where, ...keyOf(detail) };
		case '23502':
			return { code: 'NOT_NULL_VIOLATION', ...where, ...(typeof column === 'string' ? { field: column } : {}) };
		case '22001':
			return { code: 'VALUE_TOO_LONG', ...where };
		case '22003':
			return { code: 'VALUE_OUT_OF_RANGE', ...where };
		case '23503': {
			// Deleting a referenced row: the detail names the parent's key, not the referencing column.
			const key = /is still referenced/.test(String(detail)) ? { value: keyOf(detail).value } : keyOf(detail);
			return { code: 'INVALID_FOREIGN_KEY', ...where, ...key };
		}
		default:
			return undefined;
	}
}

export async function constraintColumns(knex: Knex, table: string, constraint: string): Promise<string[]> {
	const result = await knex.raw(
		`select a.attname as name
		 from pg_constraint c
		 join pg_class t on t.oid = c.conrelid
		 join lateral unnest(c.conkey) with ordinality as k(attnum, position) on true
		 join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
		 where c.conname = ? and t.relname = ? and pg_table_is_visible(t.oid)
		 order by k.position`,
		[constraint, table],
	);
	return result.rows.map((row: { name: string }) => row.name);
}

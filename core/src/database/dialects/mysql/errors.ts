import type { Knex } from 'knex';
import type { ConstraintViolation } from '../types.js';

const fkPattern = /\(`[^`]*`\.`([^`]+)`, CONSTRAINT `([^`]+)` FOREIGN KEY \(`([^`]+)`/;

/**
 * mysql2 errors carry the server's `errno` and its text in `sqlMessage`. A duplicate entry names
 * the key, not the column (MySQL 8 prefixes the table: `t.t_slug_unique`), which
 * `constraintColumns` resolves; the rest quote the column.
 */
export function translateError(error: unknown): ConstraintViolation | undefined {
	if (typeof error !== 'object' || error === null) return undefined;
	const { errno, sqlMessage, message } = error as { errno?: unknown; sqlMessage?: unknown; message?: unknown };
	const text = String(sqlMessage ?? message ?? '');
	const column = /(?:column|Column|Field) '([^']+)'/.exec(text)?.[1];
	const withColumn = column === undefined ? {} : { field: column };
	switch (errno) {
		case 1062: {
			const match = /Duplicate entry '([\s\S]*)' for key '([^']+)'/.exec(text);
			if (!match) return { code: 'RECORD_NOT_UNIQUE' };
			const [table, key] = match[2]!.includes('.') ? match[2]!.split('.', 2) : [undefined, match[2]!];
			return { code: 'RECORD_NOT_UNIQUE', value: match[1], constraint: key, ...(table ? { table } : {}) };
		}
		case 1048:
		case 1364:
			return { code: 'NOT_NULL_VIOLATION', ...withColumn };
		case 1406:
			return { code: 'VALUE_TOO_LONG', ...withColumn };
		case 1264:
			return { code: 'VALUE_OUT_OF_RANGE', ...withColumn };
		case 1451:
		case 1452:
		case 1216:
		case 1217: {
			const match = fkPattern.exec(text);
			return match ? { code: 'INVALID_FOREIGN_KEY', table: match[1], constraint: match[2], field: match[3] } : { code: 'INVALID_FOREIGN_KEY' };
		}
		default:
			return undefined;
	}
}

export async function constraintColumns(knex: Knex, table: string, constraint: string): Promise<string[]> {
	const [rows] = await knex.raw(
		`select column_name as name from information_schema.statistics
		 where table_schema = database() and table_name = ? and index_name = ?
		 order by seq_in_index`,
		[table, constraint],
	);
	return rows.map((row: { name: string }) => row.name);
}

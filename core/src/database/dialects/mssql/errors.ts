import type { Knex } from 'knex';
import type { ConstraintViolation } from '../types.js';

interface MssqlError {
	number?: unknown;
	message?: unknown;
	originalError?: { info?: { number?: unknown; message?: unknown } };
}

/** The table part of `db.dbo.articles` or `dbo.articles`. */
const lastPart = (name: string) => name.split('.').pop()!;

/**
 * node-mssql's RequestError carries the server's error `number`. Unique violations name the
 * constraint or index, not the column; truncation names the column only from SQL Server 2019 on
 * (2628); arithmetic overflow never does.
 */
export function translateError(error: unknown): ConstraintViolation | undefined {
	if (typeof error !== 'object' || error === null) return undefined;
	const { number, message, originalError } = error as MssqlError;
	const code = number ?? originalError?.info?.number;
	const text = String(message ?? originalError?.info?.message ?? '');
	const value = /The duplicate key value is \(([\s\S]*)\)\./.exec(text)?.[1];
	switch (code) {
		case 2627: {
			const match = /constraint '([^']+)'\. Cannot insert duplicate key in object '([^']+)'/.exec(text);
			return { code: 'RECORD_NOT_UNIQUE', ...(match ? { constraint: match[1], table: lastPart(match[2]!) } : {}), ...(value === undefined ? {} : { value }) };
		}
		case 2601: {
			const match = /in object '([^']+)' with unique index '([^']+)'/.exec(text);
			return { code: 'RECORD_NOT_UNIQUE', ...(match ? { table: lastPart(match[1]!), constraint: match[2] } : {}), ...(value === undefined ? {} : { value }) };
		}
		case 515: {
			const match = /column '([^']+)', table '([^']+)'/.exec(text);
			return { code: 'NOT_NULL_VIOLATION', ...(match ? { field: match[1], table: lastPart(match[2]!) } : {}) };
		}
		case 2628:
		case 8152: {
			const match = /in table '([^']+)', column '([^']+)'/.exec(text);
			return { code: 'VALUE_TOO_LONG', ...(match ? { table: lastPart(match[1]!), field: match[2] } : {}) };
		}
		case 8115:
		case 220:
			return { code: 'VALUE_OUT_OF_RANGE' };
		case 547: {
			const match =
				/conflicted with the (FOREIGN KEY|REFERENCE) constraint "([^"]+)"\. The conflict occurred in database "[^"]*", table "([^"]+)", column '([^']+)'/.exec(
					text,
				);
			if (!match) return undefined; // a CHECK constraint
			// On insert the table and column are the referenced ones; on delete, the referencing ones.
			return match[1] === 'REFERENCE'
				? { code: 'INVALID_FOREIGN_KEY', constraint: match[2], table: lastPart(match[3]!), field: match[4] }
				: { code: 'INVALID_FOREIGN_KEY', constraint: match[2] };
		}
		default:
			return undefined;
	}
}

export async function constraintColumns(knex: Knex, table: string, constraint: string): Promise<string[]> {
	const rows: Array<{ name: string }> = await knex.raw(
		`select c.name from sys.indexes i
		 join sys.index_columns ic on ic.object_id = i.object_id and ic.index_id = i.index_id
		 join sys.columns c on c.object_id = ic.object_id and c.column_id = ic.column_id
		 where i.object_id = object_id(?) and i.name = ?
		 union all
		 select c.name from sys.foreign_keys f
		 join sys.foreign_key_columns fc on fc.constraint_object_id = f.object_id
		 join sys.columns c on c.object_id = fc.parent_object_id and c.column_id = fc.parent_column_id
		 where f.parent_object_id = object_id(?) and f.name = ?`,
		[table, constraint, table, constraint],
	);
	return rows.map((row) => row.name);
}

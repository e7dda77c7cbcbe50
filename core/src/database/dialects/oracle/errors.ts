import type { Knex } from 'knex';
import type { ConstraintViolation } from '../types.js';

/** `"SCHEMA"."TABLE"."COLUMN"` as Oracle quotes a column. */
const columnPattern = /"[^"]+"\."([^"]+)"\."([^"]+)"/;
/** `(SCHEMA.CONSTRAINT)` as Oracle names a constraint. */
const constraintPattern = /constraint \((?:[^.)]+\.)?([^)]+)\)/;

function column(text: string): Pick<ConstraintViolation, 'table' | 'field'> {
	const match = columnPattern.exec(text);
	return match ? { table: match[1], field: match[2] } : {};
}

function constraint(text: string): Pick<ConstraintViolation, 'constraint'> {
	const match = constraintPattern.exec(text);
	return match ? { constraint: match[1]!.replace(/"/g, '') } : {};
}

/**
 * node-oracledb errors carry `errorNum` and an `ORA-NNNNN:` message. Unique and foreign key
 * violations name the constraint; NOT NULL and length violations quote the column; precision
 * overflow (ORA-01438) names nothing.
 */
export function translateError(error: unknown): ConstraintViolation | undefined {
	if (typeof error !== 'object' || error === null) return undefined;
	const { errorNum, message } = error as { errorNum?: unknown; message?: unknown };
	const text = String(message ?? '');
	const code = typeof errorNum === 'number' ? errorNum : Number(/ORA-(\d{5})/.exec(text)?.[1]);
	switch (code) {
		case 1:
			return { code: 'RECORD_NOT_UNIQUE', ...constraint(text) };
		case 1400:
		case 1407:
			return { code: 'NOT_NULL_VIOLATION', ...column(text) };
		case 12899:
			return { code: 'VALUE_TOO_LONG', ...column(text) };
		case 1438:
			return { code: 'VALUE_OUT_OF_RANGE' };
		case 2291:
		case 2292:
			return { code: 'INVALID_FOREIGN_KEY', ...constraint(text) };
		default:
			return undefined;
	}
}

export async function constraintColumns(knex: Knex, table: string, name: string): Promise<string[]> {
	const rows: Array<{ NAME: string }> = await knex.raw(
		`select column_name as name, position from (
		   select column_name, position from user_cons_columns where constraint_name = ? and table_name = ?
		   union all
		   select column_name, column_position from user_ind_columns where index_name = ? and table_name = ?
		 ) order by position`,
		[name, table, name, table],
	);
	return rows.map((row) => row.NAME);
}

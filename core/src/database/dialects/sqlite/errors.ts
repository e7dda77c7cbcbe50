import type { ConstraintViolation, ConstraintViolationCode } from '../types.js';

const codes: Record<string, ConstraintViolationCode> = {
	SQLITE_CONSTRAINT_UNIQUE: 'RECORD_NOT_UNIQUE',
	SQLITE_CONSTRAINT_PRIMARYKEY: 'RECORD_NOT_UNIQUE',
	SQLITE_CONSTRAINT_NOTNULL: 'NOT_NULL_VIOLATION',
	SQLITE_CONSTRAINT_FOREIGNKEY: 'INVALID_FOREIGN_KEY',
};

/**
 * better-sqlite3's errors carry an extended result code and `<kind> constraint failed: t.c[, t.d]`.
 * Foreign key failures name neither table nor column, and SQLite enforces no lengths or ranges.
 */
export function translateError(error: unknown): ConstraintViolation | undefined {
	if (typeof error !== 'object' || error === null) return undefined;
	const { code, message } = error as { code?: unknown; message?: unknown };
	const violation = typeof code === 'string' ? codes[code] : undefined;
	if (!violation) return undefined;
	const column = /constraint failed: ([^\s,.]+)\.([^\s,]+)/.exec(String(message));
	return column ? { code: violation, table: column[1], field: column[2] } : { code: violation };
}

import type { ConstraintViolationCode } from '../../database/dialects/types.js';

/** `for field "slug" in collection "articles"`, or only the collection when the field is unknown. */
function where(collection: string, field: string | undefined): string {
	return field === undefined ? `in collection "${collection}"` : `for field "${field}" in collection "${collection}"`;
}

/** A value as messages quote it: text as is, anything else as JSON, cut short. */
export function quote(value: unknown): string {
	let text: string;
	if (typeof value === 'string' || typeof value === 'number') text = String(value);
	else {
		try {
			text = typeof value === 'bigint' ? value.toString() : (JSON.stringify(value) ?? String(value));
		} catch {
			text = String(value);
		}
	}
	return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The messages of constraint errors, the same whether Mantle or the database caught the value. */
export function violationMessage(code: ConstraintViolationCode, collection: string, field: string | undefined, value?: unknown): string {
	const quoted = value === undefined || value === null ? '' : ` "${quote(value)}"`;
	switch (code) {
		case 'RECORD_NOT_UNIQUE':
			return `Value${quoted} ${where(collection, field)} has to be unique.`;
		case 'NOT_NULL_VIOLATION':
			return `Value ${where(collection, field)} can't be null.`;
		case 'VALUE_TOO_LONG':
			return `Value ${where(collection, field)} is too long.`;
		case 'VALUE_OUT_OF_RANGE':
			return `Value ${where(collection, field)} is out of range.`;
		case 'INVALID_FOREIGN_KEY':
			return `Invalid foreign key${quoted} ${where(collection, field)}.`;
	}
}

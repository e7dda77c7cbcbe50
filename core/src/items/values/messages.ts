import type { ConstraintViolationCode } from '../../database/dialects/types.js';
import { createError, type ErrorExtensions, type MantleError } from '../../errors/index.js';

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

/**
 * The error of a constraint violation, worded the same whether Mantle or the database caught the
 * value: it names the field when known, else only the collection, and quotes the value it was given.
 */
export function violationError(
	code: ConstraintViolationCode,
	collection: string,
	field: string | undefined,
	value: unknown,
	extensions: ErrorExtensions,
): MantleError {
	const quoted = value === undefined || value === null ? undefined : quote(value);
	if (field === undefined) {
		switch (code) {
			case 'RECORD_NOT_UNIQUE':
				return quoted === undefined
					? createError('valueNotUniqueInCollectionUnquoted', { collection }, extensions)
					: createError('valueNotUniqueInCollection', { value: quoted, collection }, extensions);
			case 'NOT_NULL_VIOLATION':
				return createError('valueNullInCollection', { collection }, extensions);
			case 'VALUE_TOO_LONG':
				return createError('valueTooLongInCollection', { collection }, extensions);
			case 'VALUE_OUT_OF_RANGE':
				return createError('valueOutOfRangeInCollection', { collection }, extensions);
			case 'INVALID_FOREIGN_KEY':
				return quoted === undefined
					? createError('foreignKeyInvalidInCollectionUnquoted', { collection }, extensions)
					: createError('foreignKeyInvalidInCollection', { value: quoted, collection }, extensions);
		}
	}
	switch (code) {
		case 'RECORD_NOT_UNIQUE':
			return quoted === undefined
				? createError('valueNotUniqueUnquoted', { field, collection }, extensions)
				: createError('valueNotUnique', { value: quoted, field, collection }, extensions);
		case 'NOT_NULL_VIOLATION':
			return createError('valueNull', { field, collection }, extensions);
		case 'VALUE_TOO_LONG':
			return createError('valueTooLong', { field, collection }, extensions);
		case 'VALUE_OUT_OF_RANGE':
			return createError('valueOutOfRange', { field, collection }, extensions);
		case 'INVALID_FOREIGN_KEY':
			return quoted === undefined
				? createError('foreignKeyInvalidUnquoted', { field, collection }, extensions)
				: createError('foreignKeyInvalid', { value: quoted, field, collection }, extensions);
	}
}

import type { ErrorCode } from '../error-codes.js';

/**
 * Field values a type can't hold, and the constraint violations the database or Mantle catches,
 * worded the same either way; "in collection" alone when the field could not be told.
 */
export const fieldValueMessages = {
	valueInvalid: { code: 'INVALID_PAYLOAD', template: 'Invalid value "{value}" for field "{field}" in collection "{collection}": expected {expected}.' },
	filterValueNotOfField: {
		code: 'INVALID_QUERY',
		template: 'Invalid value "{value}" for field "{field}" in collection "{collection}": expected {expected}.',
	},
	valueNotUnique: { code: 'RECORD_NOT_UNIQUE', template: 'Value "{value}" for field "{field}" in collection "{collection}" has to be unique.' },
	valueNotUniqueUnquoted: { code: 'RECORD_NOT_UNIQUE', template: 'Value for field "{field}" in collection "{collection}" has to be unique.' },
	valueNotUniqueInCollection: { code: 'RECORD_NOT_UNIQUE', template: 'Value "{value}" in collection "{collection}" has to be unique.' },
	valueNotUniqueInCollectionUnquoted: { code: 'RECORD_NOT_UNIQUE', template: 'Value in collection "{collection}" has to be unique.' },
	valueNull: { code: 'NOT_NULL_VIOLATION', template: `Value for field "{field}" in collection "{collection}" can't be null.` },
	valueNullInCollection: { code: 'NOT_NULL_VIOLATION', template: `Value in collection "{collection}" can't be null.` },
	valueTooLong: { code: 'VALUE_TOO_LONG', template: 'Value for field "{field}" in collection "{collection}" is too long.' },
	valueTooLongInCollection: { code: 'VALUE_TOO_LONG', template: 'Value in collection "{collection}" is too long.' },
	valueOutOfRange: { code: 'VALUE_OUT_OF_RANGE', template: 'Value for field "{field}" in collection "{collection}" is out of range.' },
	valueOutOfRangeInCollection: { code: 'VALUE_OUT_OF_RANGE', template: 'Value in collection "{collection}" is out of range.' },
	foreignKeyInvalid: { code: 'INVALID_FOREIGN_KEY', template: 'Invalid foreign key "{value}" for field "{field}" in collection "{collection}".' },
	foreignKeyInvalidUnquoted: { code: 'INVALID_FOREIGN_KEY', template: 'Invalid foreign key for field "{field}" in collection "{collection}".' },
	foreignKeyInvalidInCollection: { code: 'INVALID_FOREIGN_KEY', template: 'Invalid foreign key "{value}" in collection "{collection}".' },
	foreignKeyInvalidInCollectionUnquoted: { code: 'INVALID_FOREIGN_KEY', template: 'Invalid foreign key in collection "{collection}".' },
} as const satisfies Record<string, { code: ErrorCode; template: string }>;

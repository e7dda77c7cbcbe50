import type { Dialect } from '../../database/dialects/types.js';
import { dateText, instantOf, parseDateText, parseTimeText, partsOfDate, timeText, type DateParts } from '../../database/dialects/value-forms.js';
import { createError } from '../../errors/index.js';
import type { ApiFieldType, FieldInfo } from '../../schema/types.js';
import { quote, violationError } from './messages.js';

type Normalize = (value: unknown) => unknown;

/** Thrown by a normaliser with what the type expected; turned into the field's INVALID_PAYLOAD. */
class Expected {
	constructor(readonly what: string) {}
}

const integerText = /^[+-]?\d+$/;
const decimalText = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const uuidText = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const int64 = { min: -(2n ** 63n), max: 2n ** 64n - 1n };

function integer(value: unknown): number {
	if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
	if (typeof value === 'string' && integerText.test(value.trim())) {
		const number = Number(value.trim());
		if (Number.isSafeInteger(number)) return number;
	}
	throw new Expected('an integer');
}

/** Numbers where exact, text beyond 2^53, so no digit of a 64-bit key is lost on the way. */
function bigInteger(value: unknown): number | string {
	let big: bigint;
	if (typeof value === 'number' && Number.isInteger(value)) big = BigInt(value);
	else if (typeof value === 'bigint') big = value;
	else if (typeof value === 'string' && integerText.test(value.trim())) big = BigInt(value.trim());
	else throw new Expected('an integer');
	// Unsigned 64-bit keys (MySQL) reach 2^64 - 1; the database judges its own column's range.
	if (big < int64.min || big > int64.max) throw new Expected('a 64-bit integer');
	const number = Number(big);
	return Number.isSafeInteger(number) ? number : big.toString();
}

function float(value: unknown): number {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (typeof value === 'string' && decimalText.test(value.trim())) return Number(value.trim());
	throw new Expected('a number');
}

/** Decimals travel as text, so the digits the client sent are the digits stored. */
function decimal(value: unknown): string {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value === 'string' && decimalText.test(value.trim())) return value.trim();
	throw new Expected('a decimal number');
}

function boolean(value: unknown): boolean {
	if (value === true || value === 1 || value === 'true' || value === '1') return true;
	if (value === false || value === 0 || value === 'false' || value === '0') return false;
	throw new Expected('a boolean');
}

function text(value: unknown): string {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
	throw new Expected('a string');
}

function uuid(value: unknown): string {
	if (typeof value === 'string' && uuidText.test(value)) return value;
	throw new Expected('a UUID');
}

function json(value: unknown): string {
	try {
		const serialized = JSON.stringify(value);
		if (serialized !== undefined) return serialized;
	} catch {
		// A cycle or a bigint: not JSON.
	}
	throw new Expected('a JSON value');
}

function csv(value: unknown): string {
	if (typeof value === 'string') return value;
	if (Array.isArray(value))
		return value.map((entry) => (typeof entry === 'object' || entry === undefined ? fail('a list of strings') : String(entry))).join(',');
	throw new Expected('a list of strings');
}

function fail(what: string): never {
	throw new Expected(what);
}

function dateParts(value: unknown, what: string): DateParts {
	if (value instanceof Date && !Number.isNaN(value.getTime())) return partsOfDate(value, 'utc');
	const parts = typeof value === 'string' ? parseDateText(value) : undefined;
	return parts ?? fail(what);
}

/** What each date type expects of a value, as the errors of writes and filters say it. */
export const expectedDates = {
	date: 'a date (YYYY-MM-DD)',
	time: 'a time (HH:MM:SS)',
	dateTime: 'a date and time (YYYY-MM-DDTHH:MM:SS)',
	timestamp: 'a timestamp (ISO 8601 or epoch milliseconds)',
} as const;

function date(value: unknown): string {
	return dateText(dateParts(value, expectedDates.date));
}

function time(value: unknown): string {
	if (value instanceof Date && !Number.isNaN(value.getTime())) return timeText(partsOfDate(value, 'utc'));
	return (typeof value === 'string' ? parseTimeText(value) : undefined) ?? fail(expectedDates.time);
}

/** The wall clock as written: an offset given with it is not applied, as the column holds no zone. */
function dateTime(value: unknown): string {
	const parts = dateParts(value, expectedDates.dateTime);
	const fraction = parts.millisecond ? `.${String(parts.millisecond).padStart(3, '0')}` : '';
	return `${dateText(parts)} ${timeText(parts)}${fraction}`;
}

/** An instant, as ISO UTC: text without an offset is UTC, numbers are epoch milliseconds. */
function timestamp(value: unknown): string {
	if (typeof value === 'number' && Number.isFinite(value)) {
		const instant = new Date(value);
		if (!Number.isNaN(instant.getTime())) return instant.toISOString();
	}
	if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
	const parts = typeof value === 'string' ? parseDateText(value) : undefined;
	if (!parts) fail(expectedDates.timestamp);
	return instantOf(parts).toISOString();
}

const normalizers: Partial<Record<ApiFieldType, Normalize>> = {
	integer,
	bigInteger,
	float,
	decimal,
	boolean,
	string: text,
	text,
	hash: text,
	uuid,
	json,
	csv,
	date,
	time,
	dateTime,
	timestamp,
};

/** Characters as databases count them: a surrogate pair is one. */
function characters(value: string): number {
	let count = 0;
	for (let i = 0; i < value.length; i++) {
		const code = value.charCodeAt(i);
		if (code < 0xd800 || code > 0xdbff) count++;
	}
	return count;
}

/**
 * Builds the function that validates and converts a payload value of one field into what the
 * vendor's driver binds. The type is dispatched here, once per field: the function runs for every
 * row of bulk writes. `null` stays null; `undefined` (not given) stays undefined.
 */
export function createFieldWriter(field: FieldInfo, dialect: Dialect): (value: unknown) => unknown {
	const normalize = normalizers[field.type];
	if (!normalize) return (value) => value;
	const vendor = field.type === 'alias' ? undefined : dialect.values.writers[field.type];
	const { collection, field: name } = field;
	const maxLength = field.schema?.max_length;
	const limited = (field.type === 'string' || field.type === 'text' || field.type === 'hash') && typeof maxLength === 'number' && maxLength > 0;
	const tooLong = () => violationError('VALUE_TOO_LONG', collection, name, undefined, { collection, field: name });

	return (value) => {
		if (value === null || value === undefined) return value;
		let normal: unknown;
		try {
			normal = normalize(value);
		} catch (error) {
			if (!(error instanceof Expected)) throw error;
			throw createError('valueInvalid', { value: quote(value), field: name, collection, expected: error.what }, { collection, field: name });
		}
		if (limited && (normal as string).length > maxLength && characters(normal as string) > maxLength) throw tooLong();
		return vendor ? vendor(normal) : normal;
	};
}

import { flagFilterOperators, listFilterOperators, textFilterOperators } from '@mantle/extensions-sdk';
import { createError, MantleError } from '../../errors/index.js';
import type { FieldInfo } from '../../schema/types.js';
import type { EngineContext } from '../context.js';
import type { FilterOperator } from '../query/types.js';
import { fieldWriter } from '../values/cache.js';
import { expectedDates } from '../values/coerce-input.js';
import { quote } from '../values/messages.js';

const numericTypes = new Set(['integer', 'bigInteger', 'float', 'decimal']);
const dateTypes = new Set(['date', 'time', 'dateTime', 'timestamp']);
const listOperators = new Set<string>(listFilterOperators);
const flagOperators = new Set<string>(flagFilterOperators);
const textOperators = new Set<string>(textFilterOperators);

/**
 * Brings a filter value to the type of what it is compared with, so `views _gt "10"` compares
 * numbers and a date compares in the vendor's stored form. A value the field's type can't hold is
 * INVALID_QUERY, not a database error.
 */
export function coerceFilterValue(context: EngineContext, field: FieldInfo | null, type: string, operator: FilterOperator, value: unknown): unknown {
	if (flagOperators.has(operator)) return value === true || value === 'true' || value === '1' || value === 1;
	if (textOperators.has(operator)) return value === null ? null : String(value);
	if (listOperators.has(operator)) {
		const list = Array.isArray(value) ? value : String(value).split(',');
		if (operator.endsWith('between') && list.length !== 2) throw createError('filterNeedsTwoValues', { operator });
		return list.map((entry) => coerceScalar(context, field, type, entry));
	}
	if (Array.isArray(value)) throw createError('filterNeedsOneValue', { operator });
	return coerceScalar(context, field, type, value);
}

/** The integer range of each integer type on every vendor (`integer` is 32-bit on PostgreSQL and MySQL). */
const integerRanges: Record<string, [bigint, bigint]> = {
	integer: [-(2n ** 31n), 2n ** 31n - 1n],
	bigInteger: [-(2n ** 63n), 2n ** 63n - 1n],
};
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function coerceScalar(context: EngineContext, field: FieldInfo | null, type: string, value: unknown): unknown {
	if (value === null || value === undefined) return null;
	if (numericTypes.has(type)) {
		const number = typeof value === 'number' ? value : Number(String(value).trim());
		if (String(value).trim() === '' || !Number.isFinite(number)) throw invalid(field, value, 'a number');
		const range = integerRanges[type];
		if (range) {
			// Compared as the column's own type, a fraction or an out-of-range number is a database error on some vendors.
			const text = typeof value === 'number' ? (Number.isInteger(value) ? BigInt(value).toString() : '') : String(value).trim();
			if (!/^-?\d+$/.test(text) || BigInt(text) < range[0] || BigInt(text) > range[1])
				throw invalid(field, value, `a whole number from ${range[0]} to ${range[1]}`);
		}
		return type === 'bigInteger' || type === 'decimal' ? String(value).trim() : number;
	}
	if (type === 'uuid' && !uuidPattern.test(String(value))) throw invalid(field, value, 'a UUID');
	if (type === 'boolean') {
		if (value === true || value === 'true' || value === '1' || value === 1) return true;
		if (value === false || value === 'false' || value === '0' || value === 0) return false;
		throw invalid(field, value, 'a boolean');
	}
	if (field && dateTypes.has(type)) {
		try {
			return fieldWriter(field, context.dialect)(value);
		} catch (error) {
			const expected: string | undefined = expectedDates[field.type as keyof typeof expectedDates];
			if (error instanceof MantleError && expected) {
				throw createError('filterValueNotOfField', { value: quote(value), field: field.field, collection: field.collection, expected }, error.extensions);
			}
			throw error;
		}
	}
	return value;
}

/**
 * The keys, of those given, that the collection's primary key could hold: a key of another type
 * (text for an integer key, a malformed UUID) names no item, and comparing it would be a database
 * error on some vendors. Callers treat the keys left out as items that don't exist.
 */
export function possibleKeys(context: EngineContext, model: { primary: string; fields: Map<string, FieldInfo> }, keys: unknown[]): unknown[] {
	const field = model.fields.get(model.primary);
	if (!field) return keys;
	return keys.filter((key) => {
		if (key === null || key === undefined || typeof key === 'object' || typeof key === 'boolean') return false;
		try {
			coerceScalar(context, field, field.type, key);
			return true;
		} catch {
			return false;
		}
	});
}

function invalid(field: FieldInfo | null, value: unknown, expected: string) {
	const name = field ? `field "${field.field}"` : 'a function';
	const text = String(value);
	return createError('filterValueInvalid', { value: text.length > 80 ? `${text.slice(0, 77)}...` : text, target: name, expected });
}

import { createError } from '../../errors/index.js';
import type { FilterOperator } from '../query/types.js';

const textTypes = new Set(['string', 'text', 'csv', 'hash']);
const orderedTypes = new Set(['string', 'text', 'uuid', 'integer', 'bigInteger', 'float', 'decimal', 'date', 'time', 'dateTime', 'timestamp']);
const comparableTypes = new Set([...orderedTypes, 'boolean', 'csv', 'hash', 'unknown']);

/** Which field types each operator can compare on every vendor; a type not listed has no such comparison. */
const operatorTypes: Record<string, Set<string> | 'any'> = {
	_null: 'any',
	_nnull: 'any',
	_empty: 'any',
	_nempty: 'any',
	_eq: comparableTypes,
	_neq: comparableTypes,
	_in: comparableTypes,
	_nin: comparableTypes,
	_lt: orderedTypes,
	_lte: orderedTypes,
	_gt: orderedTypes,
	_gte: orderedTypes,
	_between: orderedTypes,
	_nbetween: orderedTypes,
};

/**
 * Refuses an operator that does not fit the type of what it compares (`_contains` on an integer,
 * `_lt` on JSON) with INVALID_QUERY naming both, before any SQL is built: vendors disagree on
 * such comparisons, and PostgreSQL fails them outright.
 */
export function checkOperatorType(operator: FilterOperator, type: string, field: string): void {
	const allowed = operatorTypes[operator] ?? textTypes;
	if (allowed === 'any' || allowed.has(type)) return;
	throw createError('filterOperatorRefused', { operator, field, type });
}

/**
 * The size of a filter: every key of every object in it, operands not counted (a long `_in` list
 * is one node). Walked with a stack rather than recursion, so no shape of filter can exhaust it.
 */
export function filterSize(filter: unknown): number {
	let size = 0;
	const pending: unknown[] = [filter];
	while (pending.length > 0) {
		const current = pending.pop();
		if (Array.isArray(current)) {
			for (const entry of current) if (typeof entry === 'object' && entry !== null) pending.push(entry);
		} else if (typeof current === 'object' && current !== null) {
			for (const [key, value] of Object.entries(current)) {
				size++;
				if (key === '_in' || key === '_nin' || key === '_between' || key === '_nbetween') continue;
				if (typeof value === 'object' && value !== null) pending.push(value);
			}
		}
	}
	return size;
}

const dateTypes = new Set(['date', 'dateTime', 'timestamp', 'time']);

/**
 * Refuses a date function (`year(...)`, `hour(...)`) on a field that holds no date, wherever a
 * function field appears (filter, sort, fields, groupBy): vendors fail on it, or answer nonsense.
 */
export function checkDateFunction(fn: string, field: string, type: string): void {
	if (fn !== 'count' && !dateTypes.has(type)) throw createError('filterFunctionRefusedForType', { fn, field, type });
}

const extremeTypes = new Set(['string', 'text', 'integer', 'bigInteger', 'float', 'decimal', 'date', 'time', 'dateTime', 'timestamp']);

/** `min` and `max` need values every vendor can order (PostgreSQL has no `max` of a boolean or UUID). */
export function checkExtremeAggregate(fn: string, field: string, type: string): void {
	if ((fn === 'min' || fn === 'max') && !extremeTypes.has(type)) throw createError('functionNeedsOrder', { fn, field, type });
}

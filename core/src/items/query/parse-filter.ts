import type { Filter } from '@mantle/extensions-sdk';
import { filterOperators, type FilterOperator } from './types.js';
import { checkFunctionCall } from './parse-fields.js';
import { createError } from '../../errors/index.js';
import { asArray, checkKey, dictionary, isPlainObject, isScalar, readBoolean, readObject, shown } from './parse-values.js';

const operators = new Set<string>(filterOperators);
const listOperators = new Set<string>(['_in', '_nin']);
const rangeOperators = new Set<string>(['_between', '_nbetween']);
const booleanOperators = new Set<string>(['_null', '_nnull', '_empty', '_nempty']);
const logical = new Set(['_and', '_or']);
const quantifiers = new Set(['_some', '_none']);

/**
 * How deep objects may nest in one filter (logical groups and relations alike). The parser
 * recurses once per level, so the bound is what keeps a filter nested thousands deep from
 * overflowing the stack; it sits well above what any real filter needs.
 */
export const filterMaxDepth = 64;

/**
 * Validates a filter and gives it one shape: logical groups as arrays, list and range operands
 * as arrays, null/empty checks as booleans. Other operands stay as sent (a URL gives strings),
 * including dynamic variables such as `$NOW(-1 year)`: the engine coerces and resolves them
 * against the field's type. Error messages name the path, e.g. `filter._and[0].views`.
 */
export function parseFilter(value: unknown, name: string): Filter {
	return filterObject(readObject(value, name), name, 1);
}

function filterObject(filter: Record<string, unknown>, path: string, depth: number): Filter {
	if (depth > filterMaxDepth) throw createError('filterTooDeepAt', { path: path.length > 80 ? `${path.slice(0, 77)}...` : path, max: filterMaxDepth });
	const result: Filter = dictionary();
	for (const [key, value] of Object.entries(filter)) {
		checkKey(key, path);
		if (logical.has(key)) result[key] = logicalGroup(value, `${path}.${key}`, depth + 1);
		else if (operators.has(key)) throw createError('filterOperatorWithoutField', { operator: key, path });
		else if (quantifiers.has(key)) throw createError('filterQuantifierWithoutField', { quantifier: key, path });
		else if (key.startsWith('_')) throw createError('filterOperatorUnknownAt', { operator: key, path });
		else result[key] = fieldRule(key, value, `${path}.${key}`, depth + 1);
	}
	return result;
}

function logicalGroup(value: unknown, path: string, depth: number): Filter[] {
	const parts = asArray(value);
	if (!parts) throw createError('filterGroupNotList', { path, value: shown(value) });
	return parts.map((part, index) => {
		if (!isPlainObject(part)) throw createError('filterPartNotObject', { path: `${path}[${index}]`, value: shown(part) });
		return filterObject(part, `${path}[${index}]`, depth);
	});
}

/**
 * What follows a field name: operators (`{ _eq: 'x' }`), a quantified filter on a one-to-many
 * field (`{ _some: {...} }`), or the filter of a related collection (`{ name: {...} }`).
 */
function fieldRule(key: string, value: unknown, path: string, depth: number): Filter {
	if (key.includes('(') || key.includes(')')) checkFunctionCall(key, `filter key at ${path}`);
	else if (key.includes('.')) throw createError('filterKeyDotted', { key, path });
	if (!isPlainObject(value)) throw createError('filterRuleNotObject', { path, value: shown(value) });
	const keys = Object.keys(value);
	if (keys.length === 0) throw createError('filterRuleEmpty', { path });
	const operatorKeys = keys.filter((name) => operators.has(name));
	if (operatorKeys.length > 0) {
		const other = keys.find((name) => !operators.has(name));
		if (other !== undefined) {
			if (other.startsWith('_') && !logical.has(other) && !quantifiers.has(other)) throw createError('filterOperatorUnknownAt', { operator: other, path });
			throw createError('filterRuleMixed', { path, key: other });
		}
		const rule: Filter = dictionary();
		for (const operator of operatorKeys) rule[operator] = operand(operator as FilterOperator, value[operator], `${path}.${operator}`);
		return rule;
	}
	if (key.includes('(')) throw createError('filterFunctionNeedsOperators', { path });
	const quantifier = keys.find((name) => quantifiers.has(name));
	if (quantifier !== undefined) {
		if (keys.length > 1) throw createError('filterQuantifierNotAlone', { quantifier, path });
		const inner = value[quantifier];
		if (!isPlainObject(inner)) throw createError('filterPartNotObject', { path: `${path}.${quantifier}`, value: shown(inner) });
		const quantified: Filter = dictionary();
		quantified[quantifier] = filterObject(inner, `${path}.${quantifier}`, depth + 1);
		return quantified;
	}
	return filterObject(value, path, depth);
}

function operand(operator: FilterOperator, value: unknown, path: string): unknown {
	if (listOperators.has(operator)) return listOperand(value, path);
	if (rangeOperators.has(operator)) {
		const bounds = listOperand(value, path);
		if (bounds.length !== 2) throw createError('filterRangeNotTwo', { path, value: shown(value) });
		return bounds;
	}
	if (booleanOperators.has(operator)) {
		const flag = readBoolean(value);
		if (flag === undefined) throw createError('filterFlagInvalid', { path, value: shown(value) });
		return flag;
	}
	if (!isScalar(value)) throw createError('filterOperandNotScalar', { path, value: shown(value) });
	return value;
}

/**
 * List operands: arrays, qs index objects, or comma text. Entries of comma text are not trimmed,
 * since a space can belong to a value; a single non-text value is a list of one.
 */
function listOperand(value: unknown, path: string): unknown[] {
	if (typeof value === 'string') return value === '' ? [] : value.split(',');
	const list = asArray(value) ?? (isScalar(value) ? [value] : undefined);
	if (!list || !list.every(isScalar)) throw createError('filterOperandNotList', { path, value: shown(value) });
	return list;
}

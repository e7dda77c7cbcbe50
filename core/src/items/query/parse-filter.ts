import type { Filter } from '@mantle/extensions-sdk';
import { filterOperators, type FilterOperator } from './types.js';
import { checkFunctionCall } from './parse-fields.js';
import { asArray, checkKey, dictionary, invalid, isPlainObject, isScalar, readBoolean, readObject, shown } from './parse-values.js';

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
	if (depth > filterMaxDepth) throw invalid(`The filter at ${path.length > 80 ? `${path.slice(0, 77)}...` : path} nests deeper than ${filterMaxDepth} levels`);
	const result: Filter = dictionary();
	for (const [key, value] of Object.entries(filter)) {
		checkKey(key, path);
		if (logical.has(key)) result[key] = logicalGroup(value, `${path}.${key}`, depth + 1);
		else if (operators.has(key)) throw invalid(`Filter operator "${key}" at ${path} must be applied to a field, as in {"status":{"${key}":...}}`);
		else if (quantifiers.has(key)) throw invalid(`"${key}" at ${path} must be applied to a one-to-many field, as in {"tags":{"${key}":{...}}}`);
		else if (key.startsWith('_')) throw invalid(`Unknown filter operator "${key}" at ${path}`);
		else result[key] = fieldRule(key, value, `${path}.${key}`, depth + 1);
	}
	return result;
}

function logicalGroup(value: unknown, path: string, depth: number): Filter[] {
	const parts = asArray(value);
	if (!parts) throw invalid(`"${path}" must be an array of filters, got ${shown(value)}`);
	return parts.map((part, index) => {
		if (!isPlainObject(part)) throw invalid(`"${path}[${index}]" must be a filter object, got ${shown(part)}`);
		return filterObject(part, `${path}[${index}]`, depth);
	});
}

/**
 * What follows a field name: operators (`{ _eq: 'x' }`), a quantified filter on a one-to-many
 * field (`{ _some: {...} }`), or the filter of a related collection (`{ name: {...} }`).
 */
function fieldRule(key: string, value: unknown, path: string, depth: number): Filter {
	if (key.includes('(') || key.includes(')')) checkFunctionCall(key, `filter key at ${path}`);
	else if (key.includes('.')) throw invalid(`Filter key "${key}" at ${path} can't be a dotted path: nest it, as in {"author":{"name":{"_eq":...}}}`);
	if (!isPlainObject(value)) throw invalid(`Filter at ${path} must be an object of operators (as in {"_eq":...}) or a nested filter, got ${shown(value)}`);
	const keys = Object.keys(value);
	if (keys.length === 0) throw invalid(`Filter at ${path} is empty`);
	const operatorKeys = keys.filter((name) => operators.has(name));
	if (operatorKeys.length > 0) {
		const other = keys.find((name) => !operators.has(name));
		if (other !== undefined) {
			if (other.startsWith('_') && !logical.has(other) && !quantifiers.has(other)) throw invalid(`Unknown filter operator "${other}" at ${path}`);
			throw invalid(`Filter at ${path} mixes operators with "${other}"`);
		}
		const rule: Filter = dictionary();
		for (const operator of operatorKeys) rule[operator] = operand(operator as FilterOperator, value[operator], `${path}.${operator}`);
		return rule;
	}
	if (key.includes('(')) throw invalid(`Filter at ${path} must be an object of operators, as in {"_eq":...}`);
	const quantifier = keys.find((name) => quantifiers.has(name));
	if (quantifier !== undefined) {
		if (keys.length > 1) throw invalid(`"${quantifier}" at ${path} must be the only key beside the field`);
		const inner = value[quantifier];
		if (!isPlainObject(inner)) throw invalid(`"${path}.${quantifier}" must be a filter object, got ${shown(inner)}`);
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
		if (bounds.length !== 2) throw invalid(`"${path}" needs exactly two values, got ${shown(value)}`);
		return bounds;
	}
	if (booleanOperators.has(operator)) {
		const flag = readBoolean(value);
		if (flag === undefined) throw invalid(`"${path}" takes true or false, got ${shown(value)}`);
		return flag;
	}
	if (!isScalar(value)) throw invalid(`"${path}" takes a single value, got ${shown(value)}`);
	return value;
}

/**
 * List operands: arrays, qs index objects, or comma text. Entries of comma text are not trimmed,
 * since a space can belong to a value; a single non-text value is a list of one.
 */
function listOperand(value: unknown, path: string): unknown[] {
	if (typeof value === 'string') return value === '' ? [] : value.split(',');
	const list = asArray(value) ?? (isScalar(value) ? [value] : undefined);
	if (!list || !list.every(isScalar)) throw invalid(`"${path}" takes a list of values, got ${shown(value)}`);
	return list;
}

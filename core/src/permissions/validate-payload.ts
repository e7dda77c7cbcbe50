import type { Filter, Item } from '@mantle/extensions-sdk';
import { createError } from '../errors/index.js';

type Check = (value: unknown, expected: unknown) => boolean;

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));
const lower = (value: unknown) => text(value).toLowerCase();
const list = (expected: unknown) => (Array.isArray(expected) ? expected : String(expected).split(','));
const same = (a: unknown, b: unknown) => a === b || (a !== null && b !== null && a !== undefined && b !== undefined && String(a) === String(b));
const compare = (a: unknown, b: unknown) =>
	typeof a === 'number' || typeof b === 'number' ? Number(a) - Number(b) : text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : 0;

const checks: Record<string, Check> = {
	_eq: (v, e) => same(v, e),
	_neq: (v, e) => !same(v, e),
	_ieq: (v, e) => lower(v) === lower(e),
	_nieq: (v, e) => lower(v) !== lower(e),
	_lt: (v, e) => compare(v, e) < 0,
	_lte: (v, e) => compare(v, e) <= 0,
	_gt: (v, e) => compare(v, e) > 0,
	_gte: (v, e) => compare(v, e) >= 0,
	_in: (v, e) => list(e).some((entry) => same(v, entry)),
	_nin: (v, e) => !list(e).some((entry) => same(v, entry)),
	_null: (v, e) => (v === null || v === undefined) === isTrue(e),
	_nnull: (v, e) => (v !== null && v !== undefined) === isTrue(e),
	_empty: (v, e) => (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) === isTrue(e),
	_nempty: (v, e) => !(v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) === isTrue(e),
	_contains: (v, e) => text(v).includes(text(e)),
	_ncontains: (v, e) => !text(v).includes(text(e)),
	_icontains: (v, e) => lower(v).includes(lower(e)),
	_nicontains: (v, e) => !lower(v).includes(lower(e)),
	_starts_with: (v, e) => text(v).startsWith(text(e)),
	_nstarts_with: (v, e) => !text(v).startsWith(text(e)),
	_istarts_with: (v, e) => lower(v).startsWith(lower(e)),
	_nistarts_with: (v, e) => !lower(v).startsWith(lower(e)),
	_ends_with: (v, e) => text(v).endsWith(text(e)),
	_nends_with: (v, e) => !text(v).endsWith(text(e)),
	_iends_with: (v, e) => lower(v).endsWith(lower(e)),
	_niends_with: (v, e) => !lower(v).endsWith(lower(e)),
	_between: (v, e) => compare(v, list(e)[0]) >= 0 && compare(v, list(e)[1]) <= 0,
	_nbetween: (v, e) => !(compare(v, list(e)[0]) >= 0 && compare(v, list(e)[1]) <= 0),
	_regex: (v, e) => new RegExp(String(e)).test(text(v)),
};

function isTrue(value: unknown): boolean {
	return value === true || value === 'true' || value === '1' || value === 1;
}

/**
 * A permission's `validation` rule, checked against the payload before it is written. Rules on
 * fields the payload leaves out are not checked, so a partial update is judged by what it changes.
 */
export function validatePayload(collection: string, validation: Filter, payload: Item): void {
	const failure = firstFailure(validation, payload);
	if (failure) {
		throw createError(
			'validationRuleFailed',
			{ field: failure.field, collection, operator: failure.operator },
			{
				collection,
				field: failure.field,
				type: failure.operator,
			},
		);
	}
}

function firstFailure(filter: Filter, payload: Item): { field: string; operator: string } | null {
	for (const [key, rule] of Object.entries(filter)) {
		if (key === '_and') {
			for (const part of rule as Filter[]) {
				const failure = firstFailure(part, payload);
				if (failure) return failure;
			}
			continue;
		}
		if (key === '_or') {
			const failures = (rule as Filter[]).map((part) => firstFailure(part, payload));
			if (failures.length > 0 && failures.every(Boolean)) return failures[0]!;
			continue;
		}
		if (!(key in payload)) continue;
		for (const [operator, expected] of Object.entries(rule as Record<string, unknown>)) {
			const check = checks[operator];
			if (check && !check(payload[key], expected)) return { field: key, operator };
		}
	}
	return null;
}

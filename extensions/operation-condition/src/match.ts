/**
 * Filter rules (the REST API's filter syntax) checked against plain data, as a flow's condition
 * does against its data chain: `{ $trigger: { payload: { status: { _eq: 'published' } } } }`.
 * Answers the rules that did not hold, empty when the data passes.
 */
export type Rule = Record<string, unknown>;

export interface Failure {
	path: string;
	operator: string;
	expected: unknown;
	actual: unknown;
}

const operators: Record<string, (actual: unknown, expected: unknown) => boolean> = {
	_eq: (a, e) => loosely(a) === loosely(e),
	_neq: (a, e) => loosely(a) !== loosely(e),
	_lt: (a, e) => compare(a, e) < 0,
	_lte: (a, e) => compare(a, e) <= 0,
	_gt: (a, e) => compare(a, e) > 0,
	_gte: (a, e) => compare(a, e) >= 0,
	_in: (a, e) => list(e).some((entry) => loosely(entry) === loosely(a)),
	_nin: (a, e) => !list(e).some((entry) => loosely(entry) === loosely(a)),
	_null: (a, e) => (a === null || a === undefined) === truthy(e),
	_nnull: (a, e) => (a !== null && a !== undefined) === truthy(e),
	_empty: (a, e) => isEmpty(a) === truthy(e),
	_nempty: (a, e) => !isEmpty(a) === truthy(e),
	_contains: (a, e) => (Array.isArray(a) ? a.some((entry) => loosely(entry) === loosely(e)) : String(a ?? '').includes(String(e))),
	_ncontains: (a, e) => !(Array.isArray(a) ? a.some((entry) => loosely(entry) === loosely(e)) : String(a ?? '').includes(String(e))),
	_icontains: (a, e) =>
		String(a ?? '')
			.toLowerCase()
			.includes(String(e).toLowerCase()),
	_nicontains: (a, e) =>
		!String(a ?? '')
			.toLowerCase()
			.includes(String(e).toLowerCase()),
	_starts_with: (a, e) => String(a ?? '').startsWith(String(e)),
	_nstarts_with: (a, e) => !String(a ?? '').startsWith(String(e)),
	_istarts_with: (a, e) =>
		String(a ?? '')
			.toLowerCase()
			.startsWith(String(e).toLowerCase()),
	_ends_with: (a, e) => String(a ?? '').endsWith(String(e)),
	_nends_with: (a, e) => !String(a ?? '').endsWith(String(e)),
	_iends_with: (a, e) =>
		String(a ?? '')
			.toLowerCase()
			.endsWith(String(e).toLowerCase()),
	_between: (a, e) => list(e).length === 2 && compare(a, list(e)[0]) >= 0 && compare(a, list(e)[1]) <= 0,
	_nbetween: (a, e) => !(list(e).length === 2 && compare(a, list(e)[0]) >= 0 && compare(a, list(e)[1]) <= 0),
	_regex: (a, e) => safeRegex(e)?.test(String(a ?? '')) ?? false,
};

export function failures(rule: unknown, data: unknown, path = ''): Failure[] {
	if (rule === null || typeof rule !== 'object' || Array.isArray(rule)) return [{ path, operator: '(rule)', expected: rule, actual: data }];
	const found: Failure[] = [];
	for (const [key, value] of Object.entries(rule as Rule)) {
		if (key === '_and') {
			for (const part of list(value)) found.push(...failures(part, data, path));
		} else if (key === '_or') {
			const branches = list(value).map((part) => failures(part, data, path));
			if (branches.length > 0 && branches.every((branch) => branch.length > 0)) found.push(...branches.flat());
		} else if (key.startsWith('_')) {
			const check = operators[key];
			if (!check) found.push({ path, operator: key, expected: value, actual: data });
			else if (!check(data, value)) found.push({ path, operator: key, expected: value, actual: data });
		} else {
			const child =
				data !== null && typeof data === 'object' && Object.prototype.hasOwnProperty.call(data, key) ? (data as Record<string, unknown>)[key] : undefined;
			found.push(...failures(value, child, path ? `${path}.${key}` : key));
		}
	}
	return found;
}

function list(value: unknown): unknown[] {
	if (Array.isArray(value)) return value;
	if (typeof value === 'string') return value.split(',').map((entry) => entry.trim());
	return value === undefined || value === null ? [] : [value];
}

/** `"5"` and `5` are equal, as they are in a query string; booleans and null stay themselves. */
function loosely(value: unknown): unknown {
	if (typeof value === 'number' || typeof value === 'bigint') return String(value);
	return value;
}

function compare(actual: unknown, expected: unknown): number {
	const a = Number(actual);
	const e = Number(expected);
	if (!Number.isNaN(a) && !Number.isNaN(e) && actual !== null && actual !== '' && expected !== '') return a - e;
	const left = String(actual ?? '');
	const right = String(expected ?? '');
	return left < right ? -1 : left > right ? 1 : 0;
}

function truthy(value: unknown): boolean {
	return value === true || value === 'true' || value === 1 || value === '1';
}

function isEmpty(value: unknown): boolean {
	if (value === null || value === undefined || value === '') return true;
	if (Array.isArray(value)) return value.length === 0;
	if (typeof value === 'object') return Object.keys(value).length === 0;
	return false;
}

/** Patterns come from whoever designs the flow; an invalid one simply fails to match. */
function safeRegex(pattern: unknown): RegExp | undefined {
	try {
		return typeof pattern === 'string' && pattern.length <= 1000 ? new RegExp(pattern) : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Evaluates a field condition's rule against the form's current values, as the Studio shows or
 * hides, locks or requires a field while the user types. Covers the comparison operators; a rule
 * it cannot read is taken as not matching.
 */
export function matches(rule: Record<string, unknown>, values: Record<string, unknown>): boolean {
	return Object.entries(rule).every(([key, condition]) => {
		if (key === '_and') return (condition as Array<Record<string, unknown>>).every((inner) => matches(inner, values));
		if (key === '_or') return (condition as Array<Record<string, unknown>>).some((inner) => matches(inner, values));
		return test(values[key], condition as Record<string, unknown>);
	});
}

function test(value: unknown, condition: Record<string, unknown>): boolean {
	return Object.entries(condition).every(([operator, expected]) => {
		switch (operator) {
			case '_eq':
				return String(value ?? '') === String(expected ?? '');
			case '_neq':
				return String(value ?? '') !== String(expected ?? '');
			case '_null':
				return (value === null || value === undefined) === Boolean(expected);
			case '_nnull':
				return (value !== null && value !== undefined) === Boolean(expected);
			case '_empty':
				return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
			case '_nempty':
				return !(value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0));
			case '_in':
				return Array.isArray(expected) && expected.map(String).includes(String(value));
			case '_nin':
				return Array.isArray(expected) && !expected.map(String).includes(String(value));
			case '_gt':
				return Number(value) > Number(expected);
			case '_gte':
				return Number(value) >= Number(expected);
			case '_lt':
				return Number(value) < Number(expected);
			case '_lte':
				return Number(value) <= Number(expected);
			case '_contains':
				return String(value ?? '').includes(String(expected));
			case '_icontains':
				return String(value ?? '')
					.toLowerCase()
					.includes(String(expected).toLowerCase());
			default:
				return typeof expected === 'object' && expected !== null && typeof value === 'object' && value !== null
					? test((value as Record<string, unknown>)[operator], expected as Record<string, unknown>)
					: false;
		}
	});
}

import type { Query } from './schema.js';

const joined = (value: string | readonly string[]) => (typeof value === 'string' ? value : value.join(','));

/** Turns a query into the API's query-string parameters (JSON for the structured ones). */
export function queryParams(query: Query | undefined): Record<string, string> {
	const params: Record<string, string> = {};
	if (!query) return params;
	for (const [key, value] of Object.entries(query)) {
		if (value === undefined || value === null) continue;
		if (key === 'params') for (const [name, raw] of Object.entries(value as Record<string, unknown>)) params[name] = String(raw);
		else if (key === 'fields' || key === 'sort' || key === 'groupBy') params[key] = joined(value as string | string[]);
		else if (typeof value === 'object') params[key] = JSON.stringify(value);
		else params[key] = String(value);
	}
	return params;
}

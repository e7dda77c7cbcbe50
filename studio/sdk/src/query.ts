import type { Query } from './schema.js';

/**
 * Turns a query (or asset options) into query-string parameters: lists of names (`fields`, `sort`,
 * `groupBy`) joined by commas, other objects as JSON (`filter`, `deep`, an asset's `transforms`),
 * and `params` sent as they are.
 */
export function queryParams(query: Query | Record<string, unknown> | undefined): Record<string, string> {
	const params: Record<string, string> = {};
	for (const [key, value] of Object.entries({ ...query, ...(query?.params as object) }))
		if (value != null && key != 'params')
			params[key] = typeof value == 'object' && !(Array.isArray(value) && typeof value[0] != 'object') ? JSON.stringify(value) : String(value);
	return params;
}

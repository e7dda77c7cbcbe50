import { adminToken } from './kernel.js';

export interface GraphqlResponse {
	status: number;
	body: any;
	headers: Headers;
}

/** One GraphQL request (POST, or GET with the query in the URL), as the admin unless another token (or none) is given. */
export async function gql(
	url: string,
	query: string,
	options: { variables?: Record<string, unknown>; token?: string | null; path?: string; method?: 'GET' | 'POST' } = {},
): Promise<GraphqlResponse> {
	const token = options.token === undefined ? adminToken : options.token;
	const headers: Record<string, string> = {};
	if (token) headers.authorization = `Bearer ${token}`;
	const path = options.path ?? '/graphql';
	let response: Response;
	if (options.method === 'GET') {
		const search = new URLSearchParams({ query, ...(options.variables ? { variables: JSON.stringify(options.variables) } : {}) });
		response = await fetch(`${url}${path}?${search}`, { headers });
	} else {
		headers['content-type'] = 'application/json';
		response = await fetch(`${url}${path}`, { method: 'POST', headers, body: JSON.stringify({ query, variables: options.variables }) });
	}
	const text = await response.text();
	return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

/** REST answers keys as numbers where GraphQL's `ID` answers strings: compare them as strings. */
export function keysAsStrings(value: unknown, keys = new Set(['id'])): unknown {
	if (Array.isArray(value)) return value.map((entry) => keysAsStrings(entry, keys));
	if (value === null || typeof value !== 'object') return value;
	return Object.fromEntries(
		Object.entries(value).map(([key, inner]) => [
			key,
			keys.has(key) && (typeof inner === 'number' || typeof inner === 'string') ? String(inner) : keysAsStrings(inner, keys),
		]),
	);
}

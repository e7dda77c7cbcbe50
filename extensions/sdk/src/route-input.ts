import { createError } from './errors.js';
import type { QueryInput } from './items.js';

/** Helpers the item routes and the owned-row routes read requests with. */

export function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The counts a request asks for in `meta` (`*` for both). */
export function metaOf(query: QueryInput): Array<'total_count' | 'filter_count'> {
	const raw = (query as { meta?: unknown }).meta;
	const list = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.split(',') : [];
	return list.includes('*')
		? ['total_count', 'filter_count']
		: (list.filter((key) => key === 'total_count' || key === 'filter_count') as Array<'total_count' | 'filter_count'>);
}

/** A SEARCH request's query, which travels in its body as `{ query }`. */
export function queryOfBody(body: unknown): QueryInput {
	if (!isObject(body) || !isObject(body.query)) throw createError('searchBodyInvalid');
	return body.query;
}

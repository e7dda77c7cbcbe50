import { createError } from './errors.js';
import { metaKeys, type MetaKey, type QueryInput } from './items.js';

/** Helpers the item routes and the owned-row routes read requests with. */

export function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The counts a request asks for in `meta` (`*` for both). */
export function metaOf(query: QueryInput): MetaKey[] {
	const raw = (query as { meta?: unknown }).meta;
	const list = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.split(',') : [];
	return list.includes('*') ? [...metaKeys] : list.filter((key): key is MetaKey => (metaKeys as readonly string[]).includes(key));
}

/** A SEARCH request's query, which travels in its body as `{ query }`. */
export function queryOfBody(body: unknown): QueryInput {
	if (!isObject(body) || !isObject(body.query)) throw createError('searchBodyInvalid');
	return body.query;
}

import type { Filter } from '@mantle/extensions-sdk';
import { createError } from '../../errors/index.js';
import type { NormalizedQuery } from '../query/types.js';

export const defaultMaxDepth = 8;

/**
 * Refuses a query that goes through more relations than `maxDepth`, in any of the places a path
 * can: `fields` (and the `fields` of `deep`), `deep` itself, `filter` and `sort`. Checked before
 * the schema or a permission is looked at, so a path of a thousand hops costs nothing.
 */
export function assertQueryDepth(query: NormalizedQuery, maxDepth = defaultMaxDepth): void {
	const depth = queryDepth(query, 0, maxDepth);
	if (depth > maxDepth) {
		throw createError(depth > maxDepth + 1 ? 'queryTooDeepBeyond' : 'queryTooDeep', { depth: maxDepth + 1, max: maxDepth });
	}
}

/** The deepest path of a query, counted from `start`; stops counting once past `limit`. */
function queryDepth(query: NormalizedQuery, start: number, limit: number): number {
	let deepest = start;
	const note = (depth: number) => (deepest = Math.max(deepest, depth));
	for (const path of query.fields ?? []) note(start + pathDepth(path));
	for (const path of query.sort ?? []) note(start + pathDepth(path));
	note(start + filterDepth(query.filter, 0, limit - start + 1));
	for (const [key, nested] of Object.entries(query.deep ?? {})) {
		if (deepest > limit) break;
		note(queryDepth(nested, start + pathDepth(key) + 1, limit));
	}
	return deepest;
}

/** Relations a dotted path goes through: `author.articles.title` goes through two. */
function pathDepth(path: string): number {
	let dots = 0;
	for (let index = path.indexOf('.'); index !== -1; index = path.indexOf('.', index + 1)) dots++;
	return dots;
}

/** Field keys nested in field keys: `{ author: { articles: { title: { _eq } } } }` goes through two relations. */
function filterDepth(filter: Filter | null | undefined, depth: number, limit: number): number {
	if (!filter || typeof filter !== 'object' || depth > limit) return Math.max(0, depth - 1);
	let deepest = Math.max(0, depth - 1);
	const parts = Array.isArray(filter) ? filter : Object.entries(filter);
	for (const part of parts) {
		if (Array.isArray(filter)) {
			deepest = Math.max(deepest, filterDepth(part as Filter, depth, limit));
			continue;
		}
		const [key, value] = part as [string, unknown];
		if (typeof value !== 'object' || value === null) continue;
		const isField = !key.startsWith('_');
		deepest = Math.max(deepest, filterDepth(value as Filter, isField ? depth + 1 : depth, limit));
		if (deepest > limit) break;
	}
	return deepest;
}

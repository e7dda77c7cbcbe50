import type { Collection } from '../lib/schema.js';

export type Placement = { before: string } | { after: string } | { into: string };

/**
 * Where a moved collection lands, as the metadata changes to send: its new group, and a fresh
 * `sort` for every sibling whose position changed. Nesting a collection inside one of its own
 * descendants would make a loop, so that is refused.
 */
export function moveCollection(
	name: string,
	placement: Placement,
	collections: Collection[],
): Array<{ collection: string; meta: { group: string | null; sort: number } }> {
	const find = (target: string) => collections.find((collection) => collection.collection === target);
	const target = 'into' in placement ? placement.into : 'before' in placement ? placement.before : placement.after;
	const group = 'into' in placement ? placement.into : (find(target)?.meta?.group ?? null);
	for (let cursor: string | null = group; cursor; cursor = find(cursor)?.meta?.group ?? null) {
		if (cursor === name) throw new Error(`“${name}” cannot be placed inside itself.`);
	}
	const siblings = collections
		.filter((collection) => (collection.meta?.group ?? null) === group && collection.collection !== name)
		.sort((a, b) => (a.meta?.sort ?? 999) - (b.meta?.sort ?? 999) || a.collection.localeCompare(b.collection))
		.map((collection) => collection.collection);
	const at = 'into' in placement ? siblings.length : siblings.indexOf(target) + ('after' in placement ? 1 : 0);
	siblings.splice(at, 0, name);
	return siblings
		.map((collection, index) => ({ collection, meta: { group, sort: index + 1 } }))
		.filter(({ collection, meta }) => {
			const current = find(collection)?.meta;
			return collection === name || current?.sort !== meta.sort || (current?.group ?? null) !== meta.group;
		});
}

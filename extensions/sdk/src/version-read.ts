import type { Accountability } from './accountability.js';
import { createError } from './errors.js';
import type { Item, ItemsCapability, PrimaryKey, Query } from './items.js';
import { versionReadQuery, withVersionDelta, type VersionModel } from './version-delta.js';

export interface VersionRead {
	items: ItemsCapability;
	accountability: Accountability;
	model: VersionModel;
	collection: string;
	/** The item's key; null for a singleton's one item. */
	key: PrimaryKey | null;
	/** The version's key (`draft`), as `?version=` and GraphQL's `version` argument name it. */
	version: string;
	query: Query;
	/** The collection's name in `directus_versions` and the delta under the names `items` takes, where they differ (GraphQL renames). */
	storedCollection?: string;
	deltaNames?: (delta: Item) => Item;
}

/**
 * An item as one of its content versions has it: what REST answers to `?version=<key>` and GraphQL
 * to `<collection>_by_version`, through this one function. A version that does not exist or may not be
 * read is refused as any unreadable item is.
 */
export async function readVersion(read: VersionRead): Promise<Item> {
	const { items, accountability, collection, key } = read;
	const versions = await items('directus_versions', { accountability }).readByQuery({
		fields: ['delta'],
		filter: {
			collection: { _eq: read.storedCollection ?? collection },
			key: { _eq: read.version },
			...(key === null ? {} : { item: { _eq: String(key) } }),
		},
		limit: 1,
	});
	if (versions.length === 0) throw createError('FORBIDDEN');
	const stored = deltaOf(versions[0]!.delta);
	const delta = read.deltaNames ? read.deltaNames(stored) : stored;
	const service = items(collection, { accountability });
	const query = await versionReadQuery(read.model, collection, read.query, delta);
	const item = key === null ? await service.readSingleton(query) : await service.readOne(key, query);
	return withVersionDelta(read.model, collection, item, read.query, delta);
}

/** A version's delta as stored (JSON text on some databases). */
export function deltaOf(value: unknown): Item {
	const parsed = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
	return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Item) : {};
}

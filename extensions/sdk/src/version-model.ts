import type { Accountability } from './accountability.js';
import type { ItemsCapability } from './items.js';
import type { SchemaCapability } from './schema.js';
import type { VersionModel } from './version-delta.js';

interface RelationRow {
	collection?: string;
	field?: string;
	related_collection?: string | null;
	meta?: { one_field?: string | null } | null;
}

/**
 * The data model as a REST version read needs it, from the relations the caller may see (listed
 * once per read) and the items capability: related items are read with the caller's permissions.
 */
export function versionModelOf(schema: SchemaCapability, items: ItemsCapability, accountability: Accountability): VersionModel {
	let relations: Promise<RelationRow[]> | undefined;
	const primaries = new Map<string, Promise<string>>();
	return {
		async relation(collection, field) {
			relations ??= schema.relations.list(accountability) as Promise<RelationRow[]>;
			for (const row of await relations) {
				if (row.collection === collection && row.field === field && row.related_collection) return { kind: 'm2o', related: row.related_collection };
				if (row.related_collection === collection && row.meta?.one_field === field && row.collection) return { kind: 'o2m', related: row.collection };
			}
			return null;
		},
		primary(collection) {
			let primary = primaries.get(collection);
			if (!primary)
				primaries.set(
					collection,
					(primary = items(collection, { accountability })
						.info()
						.then((info) => info.primary)),
				);
			return primary;
		},
		read: readRelated(items, accountability),
	};
}

/** Reads a related item for a version read: null, not a refusal, when it does not exist or may not be read. */
export function readRelated(items: ItemsCapability, accountability: Accountability): VersionModel['read'] {
	return async (collection, key, query) => {
		try {
			return await items(collection, { accountability }).readOne(key, query);
		} catch (error) {
			if ((error as { code?: unknown }).code === 'FORBIDDEN') return null;
			throw error;
		}
	};
}

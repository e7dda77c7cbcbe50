/**
 * Mantle keeps its system data in `mantle_*` tables; clients know them by their Directus names
 * (`directus_users` ...). The mapping lives here and only here.
 */
const storedPrefix = 'mantle_';
const publicPrefix = 'directus_';

/** Tables that are bookkeeping, never shown as collections. */
const hiddenTables = new Set(['mantle_migrations', 'mantle_migrations_lock']);

export function isSystemTable(table: string): boolean {
	return table.startsWith(storedPrefix);
}

export function isHiddenTable(table: string): boolean {
	return hiddenTables.has(table);
}

export function isSystemCollection(collection: string): boolean {
	return collection.startsWith(publicPrefix);
}

/** `mantle_users` → `directus_users`; user tables keep their names. */
export function collectionOfTable(table: string): string {
	return isSystemTable(table) ? publicPrefix + table.slice(storedPrefix.length) : table;
}

/** `directus_users` → `mantle_users`; user collections keep their names. */
export function tableOfCollection(collection: string): string {
	return isSystemCollection(collection) ? storedPrefix + collection.slice(publicPrefix.length) : collection;
}

/** The logs of changes: each row is about an item of another collection, and is read only with it. */
export const logCollections: ReadonlySet<string> = new Set(['directus_revisions', 'directus_activity']);

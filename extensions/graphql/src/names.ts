import type { GraphqlScope, ModelCollection } from '@mantle/extensions-sdk';

const systemPrefix = 'directus_';
const validName = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** GraphQL names are narrower than SQL ones: a collection or field outside them is renamed (see renames.ts). */
export function isValidName(name: string): boolean {
	return validName.test(name) && !name.startsWith('__');
}

export function isSystemCollection(collection: string): boolean {
	return collection.startsWith(systemPrefix);
}

/** The collections whose query and mutation fields a scope serves; types of the others may still appear through relations. */
export function inScope(collection: ModelCollection, scope: GraphqlScope): boolean {
	return isSystemCollection(collection.collection) === (scope === 'system');
}

/** The name of a collection's root fields: `articles`, or `users` for `directus_users`, as Directus clients write them. */
export function rootName(collection: string): string {
	return isSystemCollection(collection) ? collection.slice(systemPrefix.length) : collection;
}

import { readRelated, readVersion, type PrimaryKey, type Query, type VersionModel } from '@mantle/extensions-sdk';
import type { Collections, RequestContext } from './context.js';

/**
 * The caller's model as a version read needs it: relations and keys from the schema's model,
 * related items read through the request's items capability (GraphQL names, the caller's permissions).
 */
function versionModel(context: RequestContext, collections: Collections): VersionModel {
	return {
		async relation(collection, field) {
			const relation = collections.get(collection)?.fields.find((entry) => entry.field === field)?.relation;
			return relation && relation.kind !== 'm2a' ? { kind: relation.kind, related: relation.related } : null;
		},
		async primary(collection) {
			return collections.get(collection)?.primary ?? 'id';
		},
		read: readRelated(context.items, context.accountability),
	};
}

/** `<collection>_by_version`: the item as the named version has it, read as REST reads `?version=`. */
export function readByVersion(context: RequestContext, collections: Collections, collection: string, key: PrimaryKey | null, version: string, query: Query) {
	return readVersion({
		items: context.items,
		accountability: context.accountability,
		model: versionModel(context, collections),
		collection,
		key,
		version,
		query,
		storedCollection: context.names?.realCollection(collection) ?? collection,
		deltaNames: (delta) => context.names?.itemOf(collection, delta) ?? delta,
	});
}

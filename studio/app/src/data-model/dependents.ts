import type { Schema } from '../lib/schema.js';

/**
 * What stops working when a field or collection goes: relations that use it, the fields at their
 * other end, and collections grouped under it. Shown before the admin confirms a delete.
 */
export function fieldDependents(collection: string, field: string, model: Schema): string[] {
	const found: string[] = [];
	for (const relation of model.relations) {
		if (relation.collection === collection && relation.field === field) {
			found.push(
				relation.related_collection
					? `the relation ${collection}.${field} → ${relation.related_collection}`
					: `the relation ${collection}.${field} → any of ${(relation.meta?.one_allowed_collections ?? []).join(', ')}`,
			);
			if (relation.meta?.one_field && relation.related_collection) found.push(`the field ${relation.related_collection}.${relation.meta.one_field}`);
		}
		if (relation.related_collection === collection && relation.meta?.one_field === field)
			found.push(`the relation ${relation.collection}.${relation.field} → ${collection}, which lists its items here`);
	}
	return found;
}

export function collectionDependents(collection: string, model: Schema): string[] {
	const found: string[] = [];
	for (const relation of model.relations) {
		if (relation.collection === collection && relation.related_collection && relation.related_collection !== collection)
			found.push(`the relation ${collection}.${relation.field} → ${relation.related_collection}`);
		if (relation.related_collection === collection && relation.collection !== collection)
			found.push(`the field ${relation.collection}.${relation.field}, which points here`);
		if (relation.meta?.one_allowed_collections?.includes(collection)) found.push(`the any-collection field ${relation.collection}.${relation.field}`);
	}
	for (const child of model.collections) if (child.meta?.group === collection) found.push(`the collection ${child.collection}, grouped under it`);
	return found;
}

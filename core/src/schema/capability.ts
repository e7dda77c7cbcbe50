import type { Accountability, SchemaCapability } from '@mantle/extensions-sdk';
import { createError } from '../errors/index.js';
import type { PermissionProvider } from '../permissions/types.js';
import { assertAdmin, type SchemaContext } from './operations/context.js';
import { createCollection, deleteCollection, listCollections, readCollection, updateCollection } from './operations/collections.js';
import { createField, deleteField, listFields, readField, updateField } from './operations/fields.js';
import { createRelation, deleteRelation, listRelations, readRelation, updateRelation } from './operations/relations.js';
import { applyDiff } from './snapshot/apply.js';
import { diffAgainst } from './snapshot/diff.js';
import { takeSnapshot } from './snapshot/take.js';

/**
 * What of the data model a caller may see: the collections they may read, and in them the fields
 * they may read. Without a permission provider (internal tooling) everything is visible.
 */
function modelVisibility(permissions: PermissionProvider | undefined, accountability: Accountability | null) {
	const unrestricted = !permissions || accountability === null || accountability.admin;
	const readable = new Map<string, Promise<Awaited<ReturnType<PermissionProvider['get']>>>>();
	const permissionOf = (collection: string) => {
		let found = readable.get(collection);
		if (!found) readable.set(collection, (found = permissions!.get(accountability, collection, 'read')));
		return found;
	};
	return {
		async collection(collection: string | null | undefined): Promise<boolean> {
			if (unrestricted || !collection) return true;
			return (await permissionOf(collection)) !== null;
		},
		async field(collection: string, field: string): Promise<boolean> {
			if (unrestricted) return true;
			const permission = await permissionOf(collection);
			return permission !== null && (permission.fields === '*' || permission.fields.has(field));
		},
	};
}

async function keep<T>(list: T[], visible: (entry: T) => Promise<boolean>): Promise<T[]> {
	const shown = await Promise.all(list.map(visible));
	return list.filter((_entry, index) => shown[index]);
}

/** Hidden and missing answer alike, so nobody learns what exists. */
async function shown<T>(entry: T, visible: (entry: T) => Promise<boolean>): Promise<T> {
	if (!(await visible(entry))) throw createError('FORBIDDEN');
	return entry;
}

type ApiCollection = { collection: string };
type ApiField = { collection: string; field: string };
type ApiRelation = { collection: string; field: string; related_collection?: string | null };

/**
 * The data-model operations as the SDK's `schema` capability, bound to one kernel's database.
 * Reading the model lists only what the caller may read (`/fields`, `/collections`,
 * `/relations`, and every extension that reads the model through this capability).
 */
export function createSchemaCapability(context: SchemaContext, permissions?: PermissionProvider): SchemaCapability {
	const collectionShown = (accountability: Accountability | null) => {
		const visibility = modelVisibility(permissions, accountability);
		return (entry: ApiCollection) => visibility.collection(entry.collection);
	};
	const fieldShown = (accountability: Accountability | null) => {
		const visibility = modelVisibility(permissions, accountability);
		return (entry: ApiField) => visibility.field(entry.collection, entry.field);
	};
	const relationShown = (accountability: Accountability | null) => {
		const visibility = modelVisibility(permissions, accountability);
		return async (entry: ApiRelation) => (await visibility.field(entry.collection, entry.field)) && visibility.collection(entry.related_collection);
	};
	return {
		collections: {
			list: async (accountability) => keep(await listCollections(context, accountability), collectionShown(accountability)),
			read: async (accountability, collection) => shown(await readCollection(context, accountability, collection), collectionShown(accountability)),
			create: (accountability, body) => createCollection(context, accountability, body),
			update: (accountability, collection, body) => updateCollection(context, accountability, collection, body),
			delete: (accountability, collection) => deleteCollection(context, accountability, collection),
		},
		fields: {
			list: async (accountability, collection) => {
				if (collection) await shown({ collection }, collectionShown(accountability));
				return keep(await listFields(context, accountability, collection), fieldShown(accountability));
			},
			read: async (accountability, collection, field) => shown(await readField(context, accountability, collection, field), fieldShown(accountability)),
			create: (accountability, collection, body) => createField(context, accountability, collection, body),
			update: (accountability, collection, field, body) => updateField(context, accountability, collection, field, body),
			delete: (accountability, collection, field) => deleteField(context, accountability, collection, field),
		},
		relations: {
			list: async (accountability, collection) => keep(await listRelations(context, accountability, collection), relationShown(accountability)),
			read: async (accountability, collection, field) => shown(await readRelation(context, accountability, collection, field), relationShown(accountability)),
			create: (accountability, body) => createRelation(context, accountability, body),
			update: (accountability, collection, field, body) => updateRelation(context, accountability, collection, field, body),
			delete: (accountability, collection, field) => deleteRelation(context, accountability, collection, field),
		},
		async snapshot(accountability) {
			assertAdmin(accountability);
			return { ...takeSnapshot(await context.store.get()) };
		},
		async diff(accountability, snapshot, options) {
			assertAdmin(accountability);
			return diffAgainst(await context.store.get(), snapshot, options);
		},
		async apply(accountability, diff, options) {
			assertAdmin(accountability);
			return applyDiff(context, diff, options);
		},
		async clearCache(accountability) {
			assertAdmin(accountability);
			context.store.invalidate();
		},
	};
}

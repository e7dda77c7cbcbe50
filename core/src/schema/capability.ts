import type { SchemaCapability } from '@mantle/extensions-sdk';
import { assertAdmin, type SchemaContext } from './operations/context.js';
import { createCollection, deleteCollection, listCollections, readCollection, updateCollection } from './operations/collections.js';
import { createField, deleteField, listFields, readField, updateField } from './operations/fields.js';
import { createRelation, deleteRelation, listRelations, readRelation, updateRelation } from './operations/relations.js';
import { applyDiff } from './snapshot/apply.js';
import { diffAgainst } from './snapshot/diff.js';
import { takeSnapshot } from './snapshot/take.js';

/** The data-model operations as the SDK's `schema` capability, bound to one kernel's database. */
export function createSchemaCapability(context: SchemaContext): SchemaCapability {
	return {
		collections: {
			list: (accountability) => listCollections(context, accountability),
			read: (accountability, collection) => readCollection(context, accountability, collection),
			create: (accountability, body) => createCollection(context, accountability, body),
			update: (accountability, collection, body) => updateCollection(context, accountability, collection, body),
			delete: (accountability, collection) => deleteCollection(context, accountability, collection),
		},
		fields: {
			list: (accountability, collection) => listFields(context, accountability, collection),
			read: (accountability, collection, field) => readField(context, accountability, collection, field),
			create: (accountability, collection, body) => createField(context, accountability, collection, body),
			update: (accountability, collection, field, body) => updateField(context, accountability, collection, field, body),
			delete: (accountability, collection, field) => deleteField(context, accountability, collection, field),
		},
		relations: {
			list: (accountability, collection) => listRelations(context, accountability, collection),
			read: (accountability, collection, field) => readRelation(context, accountability, collection, field),
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

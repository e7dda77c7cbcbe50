import { createHash } from 'node:crypto';
import type { Accountability, CallerModel, ModelCollection, ModelField, ModelRelation } from '@mantle/extensions-sdk';
import type { PermissionProvider, CollectionPermission } from '../permissions/types.js';
import type { SchemaOverview } from '../schema/types.js';
import { collectionModel, type RelationalField } from '../items/schema-index.js';

const actions = ['read', 'create', 'update', 'delete'] as const;

/**
 * The schema overview narrowed to what one caller may read and write: collections they may do
 * nothing with are left out, and so are fields they may neither read nor write. The key hashes the
 * result, so callers of different roles with the same permissions share one GraphQL schema.
 */
export async function buildCallerModel(schema: SchemaOverview, permissions: PermissionProvider, accountability: Accountability): Promise<CallerModel> {
	const collections: ModelCollection[] = [];
	for (const info of schema.collections.values()) {
		if (!info.schema || !info.primary) continue;
		const [read, create, update, remove] = await Promise.all(actions.map((action) => permissions.get(accountability, info.collection, action)));
		if (!read && !create && !update && !remove) continue;
		const model = collectionModel(schema, info.collection);
		const fields: ModelField[] = [];
		for (const field of info.fields) {
			const allowed = { read: allows(read, field.field), create: allows(create, field.field), update: allows(update, field.field) };
			if (!allowed.read && !allowed.create && !allowed.update) continue;
			const relational = model.relational.get(field.field);
			if (!field.schema && !relational) continue;
			fields.push({
				field: field.field,
				type: field.type,
				primary: field.field === info.primary,
				nullable: field.schema?.is_nullable ?? true,
				hasDefault: Boolean(field.schema && (field.schema.default_value !== null || field.schema.has_auto_increment)),
				special: field.meta?.special ?? [],
				relation: relational ? relationOf(relational) : null,
				...allowed,
			});
		}
		collections.push({
			collection: info.collection,
			primary: info.primary,
			singleton: model.singleton,
			fields,
			actions: { read: Boolean(read), create: Boolean(create), update: Boolean(update), delete: Boolean(remove) },
		});
	}
	const admin = accountability.admin;
	const key = createHash('sha256').update(JSON.stringify({ admin, collections })).digest('base64url');
	return { key, admin, collections };
}

function allows(permission: CollectionPermission | null, field: string): boolean {
	return permission !== null && (permission.fields === '*' || permission.fields.has(field));
}

function relationOf(relational: RelationalField): ModelRelation {
	if (relational.kind === 'm2o') return { kind: 'm2o', related: relational.related };
	if (relational.kind === 'o2m')
		return { kind: 'o2m', related: relational.related, relatedField: relational.relatedField, junctionField: relational.junctionField };
	return { kind: 'm2a', allowed: relational.allowed, collectionField: relational.collectionField };
}

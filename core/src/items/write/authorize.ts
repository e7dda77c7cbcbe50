import type { Item, PrimaryKey } from '@mantle/extensions-sdk';
import { createError } from '../../errors/index.js';
import { validatePayload } from '../../permissions/validate-payload.js';
import { isUnrestricted, type EngineContext } from '../context.js';
import { collectionModel, type CollectionModel, type OneToMany } from '../schema-index.js';
import { assertAllowedKeys, assertFieldRows, existingKeys, writePermission } from './guard.js';
import { checkWritableFields, isObject, knownFields } from './payload.js';

/**
 * The plan of a write, checked as a whole before anything is written: every node of the payload
 * tree (the item itself, each related item it creates, updates, links, unlinks or deletes, at
 * every depth) against the caller's permission for that collection and action, with fields,
 * row rules, validation and presets. A node that fails refuses the whole request while the
 * database is untouched. The writes re-check each node as they run, since filter hooks may change
 * a payload between here and there.
 */
export async function authorizeCreate(context: EngineContext, model: CollectionModel, payloads: Item[], link?: string): Promise<void> {
	if (isUnrestricted(context)) return;
	const permission = await writePermission(context, model, 'create');
	for (const given of payloads) {
		if (!isObject(given)) throw createError('itemNotObject', { collection: model.collection });
		const payload = knownFields(model, given);
		// A new child's link to a parent not yet created has no value here, but is written all the same.
		checkWritableFields(model, permission, link ? { ...payload, [link]: null } : payload);
		const withPresets = permission.presets ? { ...permission.presets, ...payload } : payload;
		if (permission.validation) validatePayload(model.collection, permission.validation, withPresets);
		await authorizeRelated(context, model, payload, null);
	}
}

export async function authorizeUpdate(context: EngineContext, model: CollectionModel, keys: PrimaryKey[], given: Item): Promise<void> {
	if (isUnrestricted(context)) return;
	if (!isObject(given)) throw createError('changesNotObject', { collection: model.collection });
	const permission = await writePermission(context, model, 'update');
	const payload = knownFields(model, given);
	checkWritableFields(model, permission, payload);
	if (permission.validation) validatePayload(model.collection, permission.validation, payload);
	await assertAllowedKeys(context, model, keys, permission);
	await assertFieldRows(context, model, keys, permission, Object.keys(payload));
	for (const key of keys) await authorizeRelated(context, model, payload, key);
}

export async function authorizeDelete(context: EngineContext, model: CollectionModel, keys: PrimaryKey[]): Promise<void> {
	if (isUnrestricted(context)) return;
	const permission = await writePermission(context, model, 'delete');
	await assertAllowedKeys(context, model, keys, permission);
}

/** The related items a payload writes: many-to-one and many-to-any objects, one-to-many lists. */
async function authorizeRelated(context: EngineContext, model: CollectionModel, payload: Item, parentKey: PrimaryKey | null): Promise<void> {
	for (const [field, value] of Object.entries(payload)) {
		const relational = model.relational.get(field);
		if (!relational) continue;
		if (relational.kind === 'm2o' && isObject(value)) await authorizeUpsert(context, collectionModel(context.schema, relational.related), value);
		else if (relational.kind === 'm2a' && isObject(value)) {
			const target = payload[relational.collectionField];
			if (typeof target !== 'string' || !relational.allowed.includes(target)) {
				throw createError('relatedCollectionInvalid', { collectionField: relational.collectionField, allowed: relational.allowed.join(', '), field });
			}
			await authorizeUpsert(context, collectionModel(context.schema, target), value);
		} else if (relational.kind === 'o2m') await authorizeMany(context, relational, parentKey, value);
	}
}

/** An object with the key of an existing item is an update of it; any other object is a create. */
async function authorizeUpsert(context: EngineContext, related: CollectionModel, value: Item): Promise<void> {
	const key = value[related.primary] as PrimaryKey | undefined;
	if (key !== undefined && key !== null && (await existingKeys(context, related, [key])).size > 0) {
		const { [related.primary]: _key, ...changes } = value;
		if (Object.keys(changes).length > 0) await authorizeUpdate(context, related, [key], changes);
		return;
	}
	await authorizeCreate(context, related, [value]);
}

async function authorizeMany(context: EngineContext, relation: OneToMany, parentKey: PrimaryKey | null, value: unknown): Promise<void> {
	const related = collectionModel(context.schema, relation.related);
	const link = relation.relatedField;
	// Before a create the parent's key is not known yet: the link is checked as a field written.
	const linked = (item: Item): Item => ({ ...item, [link]: parentKey });
	const createLinked = (items: Item[]) =>
		authorizeCreate(
			context,
			related,
			parentKey === null ? items : items.map((item) => (isObject(item) ? linked(item) : item)),
			parentKey === null ? link : undefined,
		);
	if (value === null) value = [];
	if (Array.isArray(value)) {
		const kept = new Set<string>();
		for (const entry of value) {
			if (!isObject(entry)) {
				await authorizeUpdate(context, related, [entry as PrimaryKey], linked({}));
				kept.add(String(entry));
				continue;
			}
			const key = entry[related.primary] as PrimaryKey | undefined;
			if (key !== undefined && key !== null && (await existingKeys(context, related, [key])).size > 0) {
				const { [related.primary]: _key, ...changes } = entry;
				await authorizeUpdate(context, related, [key], linked(changes));
				kept.add(String(key));
			} else await createLinked([entry]);
		}
		if (parentKey !== null) await authorizeDeselect(context, relation, related, parentKey, (key) => !kept.has(String(key)));
		return;
	}
	if (!isObject(value)) throw createError('relatedListInvalid', { field: relation.field });
	const { create = [], update = [], delete: remove = [] } = value as { create?: Item[]; update?: Item[]; delete?: PrimaryKey[] };
	if (![create, update, remove].every(Array.isArray)) throw createError('relatedChangesNotLists', { field: relation.field });
	if (create.length > 0) await createLinked(create);
	for (const item of update) {
		if (!isObject(item) || item[related.primary] === undefined) throw createError('relatedUpdateNeedsKey', { field: relation.field, primary: related.primary });
		const { [related.primary]: key, ...changes } = item;
		await authorizeUpdate(context, related, [key as PrimaryKey], linked(changes));
	}
	if (remove.length > 0 && parentKey !== null) {
		const removed = new Set(remove.map(String));
		await authorizeDeselect(context, relation, related, parentKey, (key) => removed.has(String(key)));
	}
}

/** Items taken out of a one-to-many list are unlinked (an update of their link) or deleted, as the relation says. */
async function authorizeDeselect(
	context: EngineContext,
	relation: OneToMany,
	related: CollectionModel,
	parentKey: PrimaryKey,
	removed: (key: unknown) => boolean,
): Promise<void> {
	const rows: Item[] = await context
		.knex(related.table)
		.select(related.primary)
		.where(relation.relatedField, parentKey as string);
	const keys = rows.map((row) => row[related.primary] as PrimaryKey).filter(removed);
	if (keys.length === 0) return;
	if (relation.deselectAction === 'delete') await authorizeDelete(context, related, keys);
	else await authorizeUpdate(context, related, keys, { [relation.relatedField]: null });
}

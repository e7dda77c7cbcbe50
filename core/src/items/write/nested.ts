import type { Item, PrimaryKey } from '@mantle/extensions-sdk';
import { createError } from '../../errors/index.js';
import { collectionModel, type CollectionModel, type ManyToAny, type ManyToOne, type OneToMany } from '../schema-index.js';
import { existingKeys } from './guard.js';
import { assertPlainWrite, completeRow, isObject, splitPayload, type SplitPayload } from './payload.js';
import type { WriteContext } from './session.js';

/**
 * A payload made ready for its own row: taken apart, its many-to-one and many-to-any objects
 * written first so the row holds their keys, and the row completed for SQL. One-to-many values
 * are left in the split, to be written once the item's key is known.
 */
export async function prepareRow(context: WriteContext, model: CollectionModel, payload: Item, action: 'create' | 'update'): Promise<SplitPayload> {
	const split = splitPayload(model, payload);
	assertPlainWrite(context, model, split);
	for (const { relation, value } of split.relatedOne) split.row[relation.field] = await saveRelatedOne(context, relation, value);
	for (const { relation, value } of split.relatedAny)
		split.row[relation.field] = await saveRelatedAny(context, relation, value, payload[relation.collectionField]);
	await completeRow(context, model, split.row, action);
	return split;
}

/**
 * A nested object on a many-to-one field: updates the related item when its key exists, creates
 * it otherwise. Either way it is the caller's own write on the related collection, with all its
 * checks (fields, row rule, validation, presets): nothing here writes around them. Reaches the
 * writes through `context.writer`, so this module stays a leaf.
 */
export async function saveRelatedOne(context: WriteContext, relation: ManyToOne, value: Item): Promise<PrimaryKey> {
	return upsert(context, collectionModel(context.schema, relation.related), value);
}

export async function saveRelatedAny(context: WriteContext, relation: ManyToAny, value: Item, target: unknown): Promise<string> {
	if (typeof target !== 'string' || !relation.allowed.includes(target)) {
		throw createError('relatedCollectionInvalid', { collectionField: relation.collectionField, allowed: relation.allowed.join(', '), field: relation.field });
	}
	return String(await upsert(context, collectionModel(context.schema, target), value));
}

async function upsert(context: WriteContext, model: CollectionModel, value: Item): Promise<PrimaryKey> {
	const key = value[model.primary] as PrimaryKey | undefined;
	if (key !== undefined && key !== null && (await existingKeys(context, model, [key])).size > 0) {
		const { [model.primary]: _key, ...changes } = value;
		if (Object.keys(changes).length > 0) await context.writer.update(context, model, [key], changes);
		return key;
	}
	const [created] = await context.writer.create(context, model, [value]);
	return created!;
}

/**
 * A one-to-many value: a list (keys to link, objects to create or update; on update, items no
 * longer listed are unlinked or deleted as the relation says), or the detailed form
 * `{ create, update, delete }` that touches only what it names.
 */
export async function saveRelatedMany(
	context: WriteContext,
	relation: OneToMany,
	parentKey: PrimaryKey,
	value: unknown,
	mode: 'create' | 'update',
): Promise<void> {
	const related = collectionModel(context.schema, relation.related);
	const link = relation.relatedField;
	if (value === null) value = [];
	if (Array.isArray(value)) {
		const keep = await saveList(context, related, link, parentKey, value);
		if (mode === 'update') await deselect(context, relation, related, parentKey, (current) => !keep.has(String(current)));
		return;
	}
	if (!isObject(value)) throw createError('relatedListInvalid', { field: relation.field });
	const { create = [], update = [], delete: remove = [] } = value as { create?: Item[]; update?: Item[]; delete?: PrimaryKey[] };
	if (![create, update, remove].every(Array.isArray)) throw createError('relatedChangesNotLists', { field: relation.field });
	if (create.length > 0)
		await context.writer.create(
			context,
			related,
			create.map((item) => ({ ...item, [link]: parentKey })),
		);
	for (const item of update) {
		const { [related.primary]: key, ...changes } = item;
		if (key === undefined) throw createError('relatedUpdateNeedsKey', { field: relation.field, primary: related.primary });
		await context.writer.update(context, related, [key as PrimaryKey], { ...changes, [link]: parentKey });
	}
	if (remove.length > 0) {
		const removed = new Set(remove.map(String));
		await deselect(context, relation, related, parentKey, (current) => removed.has(String(current)));
	}
}

async function saveList(context: WriteContext, related: CollectionModel, link: string, parentKey: PrimaryKey, entries: unknown[]): Promise<Set<string>> {
	const keep = new Set<string>();
	const given = entries.map((entry) => (isObject(entry) ? entry[related.primary] : entry)).filter((key) => key !== undefined && key !== null);
	const existing = await existingKeys(context, related, given);
	const toCreate: Item[] = [];
	for (const entry of entries) {
		if (!isObject(entry)) {
			await context.writer.update(context, related, [entry as PrimaryKey], { [link]: parentKey });
			keep.add(String(entry));
			continue;
		}
		const key = entry[related.primary] as PrimaryKey | undefined;
		if (key !== undefined && key !== null && existing.has(String(key))) {
			const { [related.primary]: _key, ...changes } = entry;
			await context.writer.update(context, related, [key], { ...changes, [link]: parentKey });
			keep.add(String(key));
		} else toCreate.push({ ...entry, [link]: parentKey });
	}
	if (toCreate.length > 0) for (const key of await context.writer.create(context, related, toCreate)) keep.add(String(key));
	return keep;
}

async function deselect(
	context: WriteContext,
	relation: OneToMany,
	related: CollectionModel,
	parentKey: PrimaryKey,
	remove: (key: unknown) => boolean,
): Promise<void> {
	const rows: Item[] = await context
		.knex(related.table)
		.select(related.primary)
		.where(relation.relatedField, parentKey as string);
	const keys = rows.map((row) => row[related.primary] as PrimaryKey).filter(remove);
	if (keys.length === 0) return;
	if (relation.deselectAction === 'delete') await context.writer.remove(context, related, keys);
	else await context.writer.update(context, related, keys, { [relation.relatedField]: null });
}

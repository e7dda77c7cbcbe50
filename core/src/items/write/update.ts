import type { Item, PrimaryKey } from '@mantle/extensions-sdk';
import { recordChanges } from '../activity.js';
import type { CollectionModel } from '../schema-index.js';
import { rowReader } from '../values/cache.js';
import { validatePayload } from '../../permissions/validate-payload.js';
import { validateFields } from './field-validation.js';
import { isUnrestricted } from '../context.js';
import { assertAllowedKeys, assertFieldRows, existingKeys, writePermission } from './guard.js';
import { saveRelatedAny, saveRelatedMany, saveRelatedOne } from './nested.js';
import { assertPlainWrite, checkWritableFields, completeRow, knownFields, splitPayload } from './payload.js';
import { actionEvent, filterEvent, statement, type WriteContext } from './session.js';

/**
 * Applies one payload to every key, in the caller's transaction; a key the caller may not update
 * fails the whole call. For the unrestricted (admins, the system) a key that names no item is
 * passed over, as Directus does: nothing is created.
 */
export async function updateItems(context: WriteContext, model: CollectionModel, keys: PrimaryKey[], sent: Item): Promise<PrimaryKey[]> {
	const permission = await writePermission(context, model, 'update');
	const data = knownFields(model, sent);
	checkWritableFields(model, permission, data);
	if (permission.validation) validatePayload(model.collection, permission.validation, data);
	validateFields(model, data);
	if (isUnrestricted(context)) {
		const found = await existingKeys(context, model, keys);
		keys = keys.filter((key) => found.has(String(key)));
	} else {
		await assertAllowedKeys(context, model, keys, permission);
		await assertFieldRows(context, model, keys, permission, Object.keys(data));
	}
	if (keys.length === 0) return keys;
	const payload = await filterEvent(context, model, 'update', data, { keys, payload: data });
	const split = splitPayload(model, payload);
	assertPlainWrite(context, model, split);
	for (const { relation, value } of split.relatedOne) split.row[relation.field] = await saveRelatedOne(context, relation, value);
	for (const { relation, value } of split.relatedAny)
		split.row[relation.field] = await saveRelatedAny(context, relation, value, payload[relation.collectionField]);
	await completeRow(context, model, split.row, 'update');
	if (Object.keys(split.row).length > 0) {
		for (let start = 0; start < keys.length; start += 1000) {
			await statement(model, payload, () =>
				context
					.knex(model.table)
					.update(split.row)
					.whereIn(model.primary, keys.slice(start, start + 1000)),
			);
		}
	}
	for (const key of keys) {
		for (const { relation, value } of split.relatedMany) await saveRelatedMany(context, relation, key, value, 'update');
	}
	const after = await snapshot(context, model, keys);
	await recordChanges(
		context,
		model,
		keys.map((key) => ({ action: 'update', key, data: after.get(String(key)) ?? {}, delta: payload })),
	);
	actionEvent(context, model, 'update', { keys, payload });
	return keys;
}

/** The stored items after a change, for their revisions. Skipped when the collection keeps none. */
async function snapshot(context: WriteContext, model: CollectionModel, keys: PrimaryKey[]): Promise<Map<string, Item>> {
	const items = new Map<string, Item>();
	if (model.accountability !== 'all') return items;
	const read = rowReader(model, model.columns, context.dialect);
	for (let start = 0; start < keys.length; start += 1000) {
		const rows: Item[] = await context
			.knex(model.table)
			.select(model.columns.map((field) => field.field))
			.whereIn(model.primary, keys.slice(start, start + 1000));
		for (const row of rows) items.set(String(read(row)[model.primary]), row);
	}
	return items;
}

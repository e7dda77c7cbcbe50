import type { Item, PrimaryKey } from '@mantle/extensions-sdk';
import { recordChanges } from '../activity.js';
import type { CollectionModel } from '../schema-index.js';
import { possibleKeys } from '../sql/filter-values.js';
import { rowReader } from '../values/cache.js';
import { validatePayload } from '../../permissions/validate-payload.js';
import { validateFields } from './field-validation.js';
import { isUnrestricted } from '../context.js';
import { readKeys } from './keys.js';
import { assertAllowedKeys, assertFieldRows, existingKeys, writePermission } from './guard.js';
import { prepareRow, saveRelatedMany } from './nested.js';
import { checkWritableFields, knownFields } from './payload.js';
import { actionEvent, filterEvent, hasFilterHook, statement, type WriteContext } from './session.js';

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
	// For the unrestricted, which keys exist is learnt from the UPDATE (or the revisions' read of
	// the rows after it) when nothing before it needs to know.
	let verified = true;
	if (!isUnrestricted(context)) {
		await assertAllowedKeys(context, model, keys, permission);
		await assertFieldRows(context, model, keys, permission, Object.keys(data));
	} else if (hasFilterHook(context, model, 'update') || hasRelated(model, data) || !(context.dialect.batchReturning || model.accountability === 'all')) {
		const found = await existingKeys(context, model, keys);
		keys = keys.filter((key) => found.has(String(key)));
	} else {
		// A key no column can hold (text for an integer key) names no item, and must not reach SQL.
		keys = possibleKeys(context, model, keys) as PrimaryKey[];
		verified = false;
	}
	if (keys.length === 0) return keys;
	const payload = await filterEvent(context, model, 'update', data, { keys, payload: data });
	const split = await prepareRow(context, model, payload, 'update');
	const wrote = Object.keys(split.row).length > 0;
	let after = wrote ? await writeRows(context, model, keys, split.row, payload) : null;
	if (!verified) {
		if (!after && wrote && model.accountability === 'all') after = await snapshot(context, model, keys);
		const found = after ?? (await existingKeys(context, model, keys));
		const given = keys.filter((key) => found.has(String(key)));
		// The database may match a key spelt otherwise (an upper-case UUID): the rows it changed
		// are then named by their stored keys, so every changed row is logged.
		keys =
			after && new Set(given.map(String)).size < after.size
				? readKeys(
						context,
						model,
						[...after.values()].map((row) => row[model.primary]),
					)
				: given;
		if (keys.length === 0) return keys;
	}
	for (const key of keys) {
		for (const { relation, value } of split.relatedMany) await saveRelatedMany(context, relation, key, value, 'update');
	}
	if (model.accountability === 'all' && (!after || split.relatedMany.length > 0)) after = await snapshot(context, model, keys);
	await recordChanges(
		context,
		model,
		keys.map((key) => ({ action: 'update', key, data: after?.get(String(key)) ?? {}, delta: payload })),
	);
	actionEvent(context, model, 'update', { keys, payload });
	return keys;
}

function hasRelated(model: CollectionModel, data: Item): boolean {
	for (const key of Object.keys(data)) if (model.relational.has(key)) return true;
	return false;
}

/**
 * Runs the UPDATE. Where the vendor returns the rows it changed, they come back with it: the
 * keys that exist and, when the collection keeps revisions, the stored item after the change,
 * without reading it again.
 */
async function writeRows(context: WriteContext, model: CollectionModel, keys: PrimaryKey[], row: Item, payload: Item): Promise<Map<string, Item> | null> {
	const items = new Map<string, Item>();
	const returning = context.dialect.batchReturning ? (model.accountability === 'all' ? model.columns.map((field) => field.field) : [model.primary]) : null;
	const read = rowReader(model, [model.fields.get(model.primary)!], context.dialect);
	for (let start = 0; start < keys.length; start += 1000) {
		const update = context
			.knex(model.table)
			.update(row)
			.whereIn(model.primary, keys.slice(start, start + 1000));
		if (!returning) {
			await statement(model, payload, () => update);
			continue;
		}
		const rows = (await statement(model, payload, () => update.returning(returning))) as unknown as Item[];
		for (const stored of rows) items.set(String(read({ [model.primary]: stored[model.primary] })[model.primary]), stored);
	}
	return returning ? items : null;
}

/** The stored items after a change, for their revisions. */
async function snapshot(context: WriteContext, model: CollectionModel, keys: PrimaryKey[]): Promise<Map<string, Item>> {
	const items = new Map<string, Item>();
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

import type { Item, PrimaryKey } from '@mantle/extensions-sdk';
import { recordChanges } from '../activity.js';
import type { CollectionModel } from '../schema-index.js';
import { validatePayload } from '../../permissions/validate-payload.js';
import { validateFields } from './field-validation.js';
import { readKeys } from './keys.js';
import { assertAllowedKeys, writePermission } from './guard.js';
import { insertRows } from './insert.js';
import { prepareRow, saveRelatedMany } from './nested.js';
import { checkWritableFields, knownFields, type SplitPayload } from './payload.js';
import { actionEvent, filterEvent, statement, type WriteContext } from './session.js';

/**
 * Creates items, each with its nested relational values, inside the caller's transaction. Rows
 * without nested one-to-many values are inserted in multi-row statements, which is what makes
 * bulk imports fast; everything else about them (hooks, validation, revisions) is the same.
 */
export async function createItems(context: WriteContext, model: CollectionModel, payloads: Item[]): Promise<PrimaryKey[]> {
	const permission = await writePermission(context, model, 'create');
	const prepared: Array<{ payload: Item; split: SplitPayload }> = [];
	for (const sent of payloads) {
		const given = knownFields(model, sent);
		checkWritableFields(model, permission, given);
		let payload: Item = permission.presets ? { ...permission.presets, ...given } : given;
		if (permission.validation) validatePayload(model.collection, permission.validation, payload);
		validateFields(model, payload);
		payload = await filterEvent(context, model, 'create', payload, { payload });
		const split = await prepareRow(context, model, payload, 'create');
		prepared.push({ payload, split });
	}
	const rows = prepared.map(({ split }) => split.row);
	const autoIncrement = Boolean(model.fields.get(model.primary)!.schema?.has_auto_increment);
	const inserted = await statement(model, rows.length === 1 ? prepared[0]!.payload : prepared.map(({ payload }) => payload), () =>
		insertRows(context.knex, context.dialect, model.table, model.primary, rows, autoIncrement),
	);
	const keys = readKeys(context, model, inserted);
	for (const [index, { split }] of prepared.entries()) {
		for (const { relation, value } of split.relatedMany) await saveRelatedMany(context, relation, keys[index]!, value, 'create');
	}
	// A create permission's row rule holds for what was created (as a WITH CHECK would): an item
	// outside it is refused and, the transaction rolling back, never stored.
	if (permission.filter) await assertAllowedKeys(context, model, keys, permission);
	await recordChanges(
		context,
		model,
		prepared.map(({ payload }, index) => ({
			action: 'create',
			key: keys[index]!,
			data: { ...payload, [model.primary]: keys[index] },
			delta: payload,
		})),
	);
	prepared.forEach(({ payload }, index) => actionEvent(context, model, 'create', { key: keys[index], payload }));
	return keys;
}

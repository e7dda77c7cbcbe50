import type { PrimaryKey } from '@mantle/extensions-sdk';
import { recordChanges } from '../activity.js';
import type { CollectionModel } from '../schema-index.js';
import { assertAllowedKeys, writePermission } from './guard.js';
import { actionEvent, countWrite, filterEvent, type WriteContext } from './session.js';

/** Deletes items by key in the caller's transaction; related rows follow the database's own ON DELETE rules. */
export async function deleteItems(context: WriteContext, model: CollectionModel, keys: PrimaryKey[]): Promise<PrimaryKey[]> {
	const permission = await writePermission(context, model, 'delete');
	await assertAllowedKeys(context, model, keys, permission);
	const confirmed = await filterEvent(context, model, 'delete', keys, { keys });
	for (let start = 0; start < confirmed.length; start += 1000) {
		countWrite();
		await context
			.knex(model.table)
			.whereIn(model.primary, confirmed.slice(start, start + 1000))
			.delete();
	}
	await recordChanges(
		context,
		model,
		confirmed.map((key) => ({ action: 'delete', key })),
	);
	actionEvent(context, model, 'delete', { keys: confirmed, payload: confirmed });
	return confirmed;
}

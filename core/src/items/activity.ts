import type { Item, PrimaryKey } from '@mantle/extensions-sdk';
import type { EngineContext } from './context.js';
import { insertRows } from './write/insert.js';
import type { CollectionModel } from './schema-index.js';

export interface ChangeRecord {
	action: 'create' | 'update' | 'delete';
	key: PrimaryKey;
	/** The item after the change (revisions only). */
	data?: Item;
	/** What the change set (revisions only). */
	delta?: Item;
}

/** The log itself is never logged. */
const unlogged = new Set(['directus_activity', 'directus_revisions', 'directus_sessions', 'directus_migrations']);

/**
 * Writes the activity log, and revisions where the collection keeps them, in the caller's
 * transaction: a change and its record commit or roll back together.
 */
export async function recordChanges(context: EngineContext, model: CollectionModel, records: ChangeRecord[]): Promise<void> {
	if (records.length === 0 || model.accountability === null || unlogged.has(model.collection)) return;
	const who = context.accountability;
	const activity = records.map((record) => ({
		action: record.action,
		user: who?.user ?? null,
		ip: who?.ip ?? null,
		user_agent: who?.userAgent ?? null,
		collection: model.collection,
		item: String(record.key),
	}));
	const ids = await insertRows(context.knex, context.dialect, 'mantle_activity', 'id', activity);
	if (model.accountability !== 'all') return;
	const revisions = records.flatMap((record, index) =>
		record.action === 'delete'
			? []
			: [{
				activity: ids[index],
				collection: model.collection,
				item: String(record.key),
				data: JSON.stringify(record.data ?? null),
				delta: JSON.stringify(record.delta ?? null),
			}],
	);
	if (revisions.length > 0) await insertRows(context.knex, context.dialect, 'mantle_revisions', 'id', revisions);
}

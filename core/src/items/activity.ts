import type { Item, PrimaryKey } from '@mantle/extensions-sdk';
import type { EngineContext } from './context.js';
import { insertRows } from './write/insert.js';
import { concealedMask, type CollectionModel } from './schema-index.js';

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
			: [
					{
						activity: ids[index],
						collection: model.collection,
						item: String(record.key),
						data: JSON.stringify(conceal(model, record.data)),
						delta: JSON.stringify(conceal(model, record.delta)),
					},
				],
	);
	if (revisions.length > 0) await insertRows(context.knex, context.dialect, 'mantle_revisions', 'id', revisions);
}

/**
 * A revision's copy of an item with every secret (hashed or concealed field) replaced by the mask:
 * the log keeps that a secret changed, never the secret, plain or hashed.
 */
function conceal(model: CollectionModel, item: Item | undefined): Item | null {
	if (!item) return null;
	const copy: Item = { ...item };
	for (const field of [...model.concealed, ...(model.specials.get('hash') ?? [])]) {
		if (copy[field] !== undefined && copy[field] !== null) copy[field] = concealedMask;
	}
	return copy;
}

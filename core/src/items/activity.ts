import type { Item, PrimaryKey } from '@mantle/extensions-sdk';
import type { Knex } from 'knex';
import type { Dialect } from '../database/dialects/types.js';
import type { EngineContext } from './context.js';
import { insertRows } from './write/insert.js';
import { concealedMask, type CollectionModel } from './schema-index.js';
import { activeTransaction, type PendingChanges } from './transaction-context.js';

export interface ChangeRecord {
	action: 'create' | 'update' | 'delete';
	key: PrimaryKey;
	/** The item after the change (revisions only). */
	data?: Item;
	/** What the change set (revisions only). */
	delta?: Item;
}

/** Log rows a transaction holds back at most before writing them. */
const pendingLimit = 1000;

/** The log itself is never logged. */
const unlogged = new Set(['directus_activity', 'directus_revisions', 'directus_sessions', 'directus_migrations']);

/**
 * Records the activity log, and revisions where the collection keeps them, in the caller's
 * transaction: a change and its record commit or roll back together. Inside a write transaction
 * the rows wait for its end, so every change of a request (batches, nested writes) is written in
 * one insert of activity and one of revisions.
 */
export async function recordChanges(context: EngineContext, model: CollectionModel, records: ChangeRecord[]): Promise<void> {
	if (records.length === 0 || model.accountability === null || unlogged.has(model.collection)) return;
	const pending = activeTransaction.getStore()?.changes;
	const changes: PendingChanges = pending ?? { activity: [], revisions: [] };
	const who = context.accountability;
	for (const record of records) {
		const activity = changes.activity.length;
		changes.activity.push({
			action: record.action,
			user: who?.user ?? null,
			ip: who?.ip ?? null,
			user_agent: who?.userAgent ?? null,
			collection: model.collection,
			item: String(record.key),
		});
		if (model.accountability !== 'all' || record.action === 'delete') continue;
		changes.revisions.push({
			activity,
			row: {
				collection: model.collection,
				item: String(record.key),
				data: JSON.stringify(conceal(model, record.data)),
				delta: JSON.stringify(conceal(model, record.delta)),
			},
		});
	}
	// Waiting rows are bounded: a long import writes its log as it goes, a thousand rows at a time.
	if (!pending || changes.activity.length >= pendingLimit) await writeChanges(context.knex, context.dialect, changes);
}

/** Writes the recorded rows: the activity first, since each revision names its activity row. */
export async function writeChanges(knex: Knex, dialect: Dialect, changes: PendingChanges): Promise<void> {
	if (changes.activity.length === 0) return;
	const ids = await insertRows(knex, dialect, 'mantle_activity', 'id', changes.activity);
	const revisions = changes.revisions.map(({ activity, row }) => ({ activity: ids[activity], ...row }));
	if (revisions.length > 0) await insertRows(knex, dialect, 'mantle_revisions', 'id', revisions);
	changes.activity = [];
	changes.revisions = [];
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

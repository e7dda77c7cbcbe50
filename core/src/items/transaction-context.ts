import { ScopedStorage } from '../scoped-storage.js';
import type { Knex } from 'knex';

/** Activity and revision rows of a transaction, written together just before it commits. */
export interface PendingChanges {
	activity: Record<string, unknown>[];
	/** Each revision with the index of its activity row, whose key is known only once written. */
	revisions: Array<{ activity: number; row: Record<string, unknown> }>;
}

export interface ActiveTransaction {
	trx: Knex.Transaction;
	/** Action events waiting for the commit. */
	afterCommit: Array<() => void>;
	changes: PendingChanges;
	/**
	 * Row-rule checks already passed in this transaction, per caller (accountability), with the
	 * count of writes at that time: the same check is not run again until something was written.
	 */
	checked: WeakMap<object, Map<string, number>>;
	/** Write statements run so far: a row rule checked before the last write must be checked again. */
	writes: number;
}

/**
 * The write transaction the current call runs in. Code reached from inside a write (filter
 * hooks, the permission lookups, extensions calling `items` from a hook) joins it instead of
 * taking another connection: on SQLite's single connection that would wait forever, and
 * elsewhere it would not see the write's own rows.
 */
export const activeTransaction = new ScopedStorage<ActiveTransaction>();

/** The connection to use now: the active write transaction, or the pool. */
export function currentKnex(knex: Knex): Knex {
	return activeTransaction.getStore()?.trx ?? knex;
}

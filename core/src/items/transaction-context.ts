import { AsyncLocalStorage } from 'node:async_hooks';
import type { Knex } from 'knex';

export interface ActiveTransaction {
	trx: Knex.Transaction;
	/** Action events waiting for the commit. */
	afterCommit: Array<() => void>;
}

/**
 * The write transaction the current call runs in. Code reached from inside a write (filter
 * hooks, the permission lookups, extensions calling `items` from a hook) joins it instead of
 * taking another connection: on SQLite's single connection that would wait forever, and
 * elsewhere it would not see the write's own rows.
 */
export const activeTransaction = new AsyncLocalStorage<ActiveTransaction>();

/** The connection to use now: the active write transaction, or the pool. */
export function currentKnex(knex: Knex): Knex {
	return activeTransaction.getStore()?.trx ?? knex;
}

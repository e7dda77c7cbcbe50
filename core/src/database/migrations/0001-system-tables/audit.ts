import type { Knex } from 'knex';
import { foreignKey } from './keys.js';

/** What a table records of its rows' authors: who made each and when, and for rows edited later, who changed it last and when. */
export type Audited = 'created' | 'created and updated';

/** The audit columns, dates first (`date_created`, `date_updated`, then `user_created`, `user_updated`). */
export function auditColumns(knex: Knex, table: Knex.TableBuilder, audited: Audited): void {
	table.timestamp('date_created', { useTz: true }).defaultTo(knex.fn.now());
	if (audited === 'created and updated') table.timestamp('date_updated', { useTz: true }).defaultTo(knex.fn.now());
	table.uuid('user_created');
	if (audited === 'created and updated') table.uuid('user_updated');
}

/**
 * The audit columns' keys to mantle_users, named `<table>_creator_fk` and `<table>_updater_fk`.
 * Deleting a user empties them (SET NULL): the rows stay, only their author is gone.
 */
export function auditKeys(table: Knex.TableBuilder, name: `mantle_${string}`, audited: Audited): void {
	foreignKey(table, 'user_created', 'mantle_users.id', `${name}_creator_fk`, 'SET NULL');
	if (audited === 'created and updated') foreignKey(table, 'user_updated', 'mantle_users.id', `${name}_updater_fk`, 'SET NULL');
}

import type { Knex } from 'knex';

/**
 * What a row does when the row it points at is deleted. `NO ACTION` is written by leaving the
 * clause out: Oracle accepts only `CASCADE` and `SET NULL`, and every vendor defaults to no action.
 */
export type OnDelete = 'CASCADE' | 'SET NULL' | 'NO ACTION';

/**
 * Adds a foreign key under an explicit name. Names follow `mantle_<table>_<column>_fk` and stay
 * within 30 characters, the limit of Oracle before 12.2; MySQL also wants them unique across the
 * whole database, which the prefix keeps clear of the user's own constraints. Where the plain
 * form would be too long the column part is shortened (`user_created` reads `creator`,
 * `recipient` reads `to`).
 */
export function foreignKey(
	table: Knex.TableBuilder,
	column: string,
	target: `mantle_${string}.${string}`,
	keyName: string,
	onDelete: OnDelete = 'NO ACTION',
): void {
	const reference = table.foreign(column, keyName).references(target);
	if (onDelete !== 'NO ACTION') reference.onDelete(onDelete);
}

/** Unique indexes are named like foreign keys, with `_uq`, for the same 30-character reason. */
export function uniqueKey(table: Knex.TableBuilder, columns: string[], indexName: string): void {
	table.unique(columns, { indexName });
}

/** Drops the tables that exist, in the order given: those that point at others first. */
export async function dropTables(knex: Knex, tables: Array<`mantle_${string}`>): Promise<void> {
	for (const table of tables) await knex.schema.dropTableIfExists(table);
}

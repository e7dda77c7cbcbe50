import type { Knex } from 'knex';

/**
 * One numbered step of the system schema. Steps run in the order of their names, each at most
 * once per database (recorded in `mantle_migrations`), so running them again changes nothing.
 * A step touches only tables whose names start with `mantle_`.
 */
export interface SystemMigration {
	/** `NNNN-what-it-does`, sorted lexically to give the order. */
	readonly name: string;
	up(knex: Knex): Promise<void>;
	down(knex: Knex): Promise<void>;
}

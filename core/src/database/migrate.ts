import type { Knex } from 'knex';
import { systemMigrations, type SystemMigration } from './migrations/index.js';

/** Knex keeps its bookkeeping here (and in `mantle_migrations_lock`), inside our prefix. */
export const migrationsTable = 'mantle_migrations';

class SystemMigrationSource implements Knex.MigrationSource<SystemMigration> {
	constructor(private readonly migrations: readonly SystemMigration[]) {}
	async getMigrations() {
		return [...this.migrations];
	}
	getMigrationName(migration: SystemMigration) {
		return migration.name;
	}
	async getMigration(migration: SystemMigration) {
		return { up: (knex: Knex) => migration.up(knex), down: (knex: Knex) => migration.down(knex) };
	}
}

function migratorConfig(migrations: readonly SystemMigration[]): Knex.MigratorConfig {
	return { migrationSource: new SystemMigrationSource(migrations), tableName: migrationsTable };
}

/** Applies every pending step; returns the names applied (none when already current). */
export async function migrateLatest(knex: Knex, migrations = systemMigrations): Promise<string[]> {
	const [, applied] = await knex.migrate.latest(migratorConfig(migrations));
	return applied as string[];
}

/** Undoes the most recent step; returns its name, or nothing when no step was applied. */
export async function migrateDown(knex: Knex, migrations = systemMigrations): Promise<string[]> {
	const [, undone] = await knex.migrate.down(migratorConfig(migrations));
	return undone as string[];
}

/** Undoes every applied step, newest first. */
export async function migrateRollbackAll(knex: Knex, migrations = systemMigrations): Promise<string[]> {
	const [, undone] = await knex.migrate.rollback(migratorConfig(migrations), true);
	return undone as string[];
}

export async function pendingMigrations(knex: Knex, migrations = systemMigrations): Promise<string[]> {
	const [, pending] = await knex.migrate.list(migratorConfig(migrations));
	return (pending as Array<{ file: string } | string>).map((entry) => (typeof entry === 'string' ? entry : entry.file));
}

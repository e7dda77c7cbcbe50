import type { Command } from 'commander';
import { migrateRollbackAll, migrationsTable } from '../../database/migrate.js';
import { withDatabase } from '../context.js';
import { confirm } from '../prompt.js';

export function registerUninstall(program: Command): void {
	program
		.command('uninstall')
		.description('drop every mantle_* table, and nothing else; your own tables and data stay')
		.option('--yes', 'do not ask for confirmation')
		.action((options: { yes?: boolean }) =>
			withDatabase(async ({ knex, dialect }) => {
				if (!options.yes && !(await confirm('This drops every mantle_* table (users, permissions, files metadata, flows...). Continue?'))) {
					console.log('Nothing was changed.');
					return;
				}
				const hasMigrations = (await dialect.listTables(knex)).includes(migrationsTable);
				if (hasMigrations) await migrateRollbackAll(knex);
				// The migrator's own bookkeeping, and anything a later version added outside a migration.
				const leftovers = (await dialect.listTables(knex)).filter((table) => table.startsWith('mantle_'));
				for (const table of leftovers) await knex.schema.dropTableIfExists(table);
				console.log('Mantle was removed from this database. Your own tables were not touched.');
			}),
		);
}

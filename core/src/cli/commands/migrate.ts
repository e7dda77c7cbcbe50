import type { Command } from 'commander';
import { migrateDown, migrateLatest } from '../../database/migrate.js';
import { withDatabase } from '../context.js';

export function registerMigrate(program: Command): void {
	const migrate = program.command('migrate').description('move the system tables between versions');
	migrate
		.command('latest')
		.description('apply every pending system migration')
		.action(() =>
			withDatabase(async ({ knex }) => {
				const applied = await migrateLatest(knex);
				console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Already up to date.');
			}),
		);
	migrate
		.command('down')
		.description('undo the most recent system migration')
		.action(() =>
			withDatabase(async ({ knex }) => {
				const undone = await migrateDown(knex);
				console.log(undone.length ? `Undone: ${undone.join(', ')}` : 'Nothing to undo.');
			}),
		);
}

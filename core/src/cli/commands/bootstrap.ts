import type { Command } from 'commander';
import { bootstrap, type BootstrapResult } from '../../database/bootstrap.js';
import { withDatabase } from '../context.js';

export function describeBootstrap(result: BootstrapResult): string[] {
	const lines = [result.migrationsApplied.length ? `Applied migrations: ${result.migrationsApplied.join(', ')}` : 'System tables are up to date.'];
	if (result.adminCreated) {
		lines.push(`Created the first admin: ${result.adminCreated.email}`);
		if (result.adminCreated.generatedPassword)
			lines.push(`Its generated password (shown once, change it after logging in): ${result.adminCreated.generatedPassword}`);
	}
	return lines;
}

export function registerBootstrap(program: Command): void {
	program
		.command('bootstrap')
		.description('create or update the system tables and, on an empty install, the first admin (safe to run again)')
		.action(() =>
			withDatabase(async ({ knex }, config) => {
				for (const line of describeBootstrap(await bootstrap(knex, { admin: config.admin }))) console.log(line);
			}),
		);
}

import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import { hashPassword } from '../../auth/passwords.js';
import { CommandError, withDatabase } from '../context.js';

interface CreateUserOptions {
	email: string;
	password: string;
	role?: string;
}

export function registerUsers(program: Command): void {
	const users = program.command('users').description('manage users');
	users
		.command('create')
		.description('create a user')
		.requiredOption('--email <email>', 'the login e-mail')
		.requiredOption('--password <password>', 'the password (at least 8 characters)')
		.option('--role <role>', 'role id or name')
		.action((options: CreateUserOptions) =>
			withDatabase(async ({ knex }) => {
				if (options.password.length < 8) throw new CommandError('--password must be at least 8 characters long.');
				if (!/^[^\s@]+@[^\s@]+$/.test(options.email)) throw new CommandError(`--email must be an e-mail address (got "${options.email}").`);
				if (await knex('mantle_users').where({ email: options.email }).first('id'))
					throw new CommandError(`A user with the e-mail ${options.email} already exists.`);
				let role: string | null = null;
				if (options.role) {
					// Compare with the id only when the value can be one: PostgreSQL refuses a non-uuid there.
					const byId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(options.role);
					const found = await knex('mantle_roles')
						.where(byId ? { id: options.role } : { name: options.role })
						.first('id');
					if (!found) throw new CommandError(`No role has the id or name "${options.role}".`);
					role = found.id;
				}
				const id = randomUUID();
				await knex('mantle_users').insert({ id, email: options.email, password: await hashPassword(options.password), role, status: 'active' });
				console.log(id);
			}),
		);
}

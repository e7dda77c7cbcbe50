import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { generatePassword, hashPassword } from '../auth/passwords.js';
import { migrateLatest } from './migrate.js';

export interface BootstrapOptions {
	admin: { email?: string; password?: string; token?: string };
}

export interface BootstrapResult {
	migrationsApplied: string[];
	/** Present only when this run created the first admin. `password` only when it was generated. */
	adminCreated?: { email: string; generatedPassword?: string };
}

export const defaultAdminEmail = 'admin@example.com';

/**
 * Brings a database to a working state: system tables current, and — only when there is no
 * user at all — an Administrator role and policy, a Public policy, and the first admin. Running
 * it again changes nothing.
 */
export async function bootstrap(knex: Knex, { admin }: BootstrapOptions): Promise<BootstrapResult> {
	const migrationsApplied = await migrateLatest(knex);
	const { count } = (await knex('mantle_users').count({ count: '*' }).first()) as { count: number | string };
	if (Number(count) > 0) return { migrationsApplied };

	const email = admin.email ?? defaultAdminEmail;
	const generatedPassword = admin.password ? undefined : generatePassword();
	const passwordHash = await hashPassword(admin.password ?? generatedPassword!);

	await knex.transaction(async (trx) => {
		const adminRole = randomUUID();
		const adminPolicy = randomUUID();
		const publicPolicy = randomUUID();
		await trx('mantle_roles').insert({
			id: adminRole,
			name: 'Administrator',
			icon: 'verified',
			description: 'Initial administrative role with unrestricted access.',
		});
		await trx('mantle_policies').insert([
			{ id: adminPolicy, name: 'Administrator', icon: 'verified', description: 'Unrestricted access.', admin_access: true, app_access: true },
			{ id: publicPolicy, name: 'Public', icon: 'public', description: 'What anyone may do without logging in.', admin_access: false, app_access: false },
		]);
		await trx('mantle_access').insert([
			{ id: randomUUID(), role: adminRole, user: null, policy: adminPolicy },
			{ id: randomUUID(), role: null, user: null, policy: publicPolicy },
		]);
		await trx('mantle_users').insert({
			id: randomUUID(),
			email,
			password: passwordHash,
			role: adminRole,
			status: 'active',
			token: admin.token ?? null,
			first_name: 'Admin',
			last_name: 'User',
		});
	});
	return { migrationsApplied, adminCreated: { email, generatedPassword } };
}

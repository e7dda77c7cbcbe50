import { randomUUID } from 'node:crypto';
import { api } from '../helpers/http.js';

export interface Grant {
	collection: string;
	action: 'create' | 'read' | 'update' | 'delete';
	fields?: string;
	permissions?: Record<string, unknown> | null;
	validation?: Record<string, unknown> | null;
	presets?: Record<string, unknown> | null;
}

export interface RestrictedUser {
	user: string;
	role: string;
	token: string;
	policies: string[];
}

async function ok(response: { status: number; body: any }, what: string) {
	if (response.status >= 300) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
	return response.body?.data;
}

/**
 * A signed-in user of a role of their own, set up by the admin through the API: one policy per
 * entry of `policies`, each with its grants. The user signs in with a static token.
 */
export async function restrictedUser(url: string, db: { knex: any }, options: { email?: string; app?: boolean; policies: Grant[][] }): Promise<RestrictedUser> {
	const role = (await ok(await api(url, 'POST', '/roles', { name: `Role ${randomUUID().slice(0, 8)}` }), 'role')).id as string;
	const policies: string[] = [];
	for (const grants of options.policies) {
		const policy = (
			await ok(
				await api(url, 'POST', '/policies', { name: `Policy ${randomUUID().slice(0, 8)}`, app_access: options.app ?? false, admin_access: false }),
				'policy',
			)
		).id as string;
		await ok(await api(url, 'POST', '/access', { role, policy }), 'access');
		for (const grant of grants) await ok(await api(url, 'POST', '/permissions', { policy, ...grant }), `permission ${grant.collection}.${grant.action}`);
		policies.push(policy);
	}
	const user = randomUUID();
	const token = `restricted-${randomUUID()}`;
	await db.knex('mantle_users').insert({ id: user, email: options.email ?? `${user.slice(0, 8)}@example.com`, status: 'active', role, token });
	return { user, role, token, policies };
}

/** The admin role's id, as an attacker would learn or guess it. */
export async function adminRole(db: { knex: any }): Promise<string> {
	const row = await db.knex('mantle_users').where({ email: 'admin@example.com' }).first('role');
	return row.role;
}

export const q = (value: unknown) => encodeURIComponent(JSON.stringify(value));

/** A second user of `role`, signing in with a token of their own: two users whose reads share one plan. */
export async function sameRoleUser(db: { knex: any }, role: string): Promise<{ user: string; token: string }> {
	const user = randomUUID();
	const token = `same-role-${randomUUID()}`;
	await db.knex('mantle_users').insert({ id: user, email: `${user.slice(0, 8)}@example.com`, status: 'active', role, token });
	return { user, token };
}

/** The ids of a list answer, in ascending order. */
export const ids = (response: { body: any }) => (response.body?.data ?? []).map((row: { id: number }) => row.id).sort((a: number, b: number) => a - b);

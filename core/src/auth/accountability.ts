import type { Knex } from 'knex';
import type { Request } from '@hapi/hapi';
import type { Accountability } from '@mantle/extensions-sdk';
import { createError } from '../errors/index.js';
import { extractToken } from './token.js';

interface PolicyRow {
	id: string;
	admin_access: boolean | number;
	app_access: boolean | number;
}

export type Authenticate = (request: Request) => Promise<Accountability>;

/**
 * Resolves who is calling. No token: the public policies (access rows with neither role nor
 * user). A token that matches no active user is refused outright rather than downgraded to
 * public, so a client with a stale token learns it at once.
 */
export function createAuthenticator(knex: Knex): Authenticate {
	return async (request) => {
		const base = { ip: request.info.remoteAddress ?? null, userAgent: request.headers['user-agent'] as string | undefined };
		const token = extractToken(request);
		if (!token) {
			const policies = await policiesFor(knex, null, null);
			return { ...base, user: null, role: null, roles: [], policies: policies.map((p) => p.id), admin: false, app: false };
		}
		const user: { id: string; role: string | null } | undefined = await knex('mantle_users').select('id', 'role').where({ token, status: 'active' }).first();
		if (!user) throw createError('INVALID_CREDENTIALS');
		const policies = await policiesFor(knex, user.id, user.role);
		return {
			...base,
			user: user.id,
			role: user.role,
			roles: user.role ? [user.role] : [],
			policies: policies.map((p) => p.id),
			admin: policies.some((p) => Boolean(p.admin_access)),
			app: policies.some((p) => Boolean(p.admin_access) || Boolean(p.app_access)),
		};
	};
}

async function policiesFor(knex: Knex, user: string | null, role: string | null): Promise<PolicyRow[]> {
	const query = knex('mantle_policies').distinct('mantle_policies.id', 'admin_access', 'app_access').join('mantle_access', 'mantle_access.policy', 'mantle_policies.id');
	if (!user) return query.whereNull('mantle_access.user').whereNull('mantle_access.role');
	return query.where((where) => {
		where.where('mantle_access.user', user);
		if (role) where.orWhere('mantle_access.role', role);
	});
}

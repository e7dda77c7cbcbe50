import type { Knex } from 'knex';

export interface ShareRecord {
	id: string;
	collection: string;
	item: string;
	role: string | null;
	/** The policies of the share's role. */
	policies: string[];
	/** No role, or a role with admin access: the whole item. */
	full: boolean;
	password: string | null;
	/** Within its dates. */
	live: boolean;
	usesLeft: boolean;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One share as the kernel judges it; undefined when there is no such share. */
export async function loadShare(knex: Knex, id: string): Promise<ShareRecord | undefined> {
	if (!uuid.test(id)) return undefined;
	const row = await knex('mantle_shares')
		.where({ id })
		.first('id', 'collection', 'item', 'role', 'password', 'date_start', 'date_end', 'times_used', 'max_uses');
	if (!row) return undefined;
	const policies: Array<{ id: string; admin_access: boolean | number }> = row.role
		? await knex('mantle_policies')
				.select('mantle_policies.id', 'admin_access')
				.join('mantle_access', 'mantle_access.policy', 'mantle_policies.id')
				.where('mantle_access.role', row.role)
		: [];
	const now = Date.now();
	const start = row.date_start ? new Date(row.date_start).getTime() : undefined;
	const end = row.date_end ? new Date(row.date_end).getTime() : undefined;
	return {
		id: String(row.id),
		collection: String(row.collection),
		item: String(row.item),
		role: row.role ?? null,
		policies: [...new Set(policies.map((policy) => policy.id))],
		full: !row.role || policies.some((policy) => Boolean(policy.admin_access)),
		password: row.password ?? null,
		live: (start === undefined || start <= now) && (end === undefined || now < end),
		usesLeft: row.max_uses === null || row.max_uses === undefined || Number(row.times_used ?? 0) < Number(row.max_uses),
	};
}

/** Counts one use, unless none is left (checked and counted in one statement, so racing logins can't overrun). */
export async function useShare(knex: Knex, id: string): Promise<boolean> {
	const changed = await knex('mantle_shares')
		.where({ id })
		.andWhere((where) => where.whereNull('max_uses').orWhere('times_used', '<', knex.ref('max_uses')).orWhereNull('times_used'))
		.update({ times_used: knex.raw('coalesce(??, 0) + 1', ['times_used']) });
	return Number(changed) === 1;
}

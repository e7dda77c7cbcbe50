import { createHash, randomUUID } from 'node:crypto';
import type { Knex } from 'knex';

/**
 * What the robustness and fuzz tests share: a restricted user that reaches data the way a hostile
 * signed-in caller would, and a checksum of the catalogue's rows to prove a refused write changed
 * nothing.
 */

export const restrictedToken = 'restricted-user-static-token-0123456789';

/**
 * A user (static token `restrictedToken`) whose one policy may read published articles without
 * their `body`, read authors and tags, create articles and update its own drafts; it may delete
 * nothing. Inserted directly, so the tests don't depend on the access-control endpoints.
 */
export async function addRestrictedUser(knex: Knex): Promise<string> {
	const role = randomUUID();
	const policy = randomUUID();
	const user = randomUUID();
	await knex('mantle_roles').insert({ id: role, name: 'Restricted' });
	await knex('mantle_policies').insert({ id: policy, name: 'Restricted', app_access: true, admin_access: false });
	await knex('mantle_access').insert({ id: randomUUID(), role, policy });
	await knex('mantle_users').insert({ id: user, email: 'restricted@example.com', role, status: 'active', token: restrictedToken });
	const rule = (filter: unknown) => JSON.stringify(filter);
	await knex('mantle_permissions').insert([
		{
			policy,
			collection: 'articles',
			action: 'read',
			fields: 'id,title,status,published_on,views,rating,featured,author,tags',
			permissions: rule({ status: { _eq: 'published' } }),
		},
		{ policy, collection: 'articles', action: 'create', fields: 'title,status,views', permissions: null },
		{
			policy,
			collection: 'articles',
			action: 'update',
			fields: 'title,views',
			permissions: rule({ _and: [{ user_created: { _eq: '$CURRENT_USER' } }, { status: { _eq: 'draft' } }] }),
		},
		{ policy, collection: 'authors', action: 'read', fields: '*', permissions: null },
		{ policy, collection: 'tags', action: 'read', fields: '*', permissions: null },
		{ policy, collection: 'articles_tags', action: 'read', fields: '*', permissions: null },
	]);
	return user;
}

/** The catalogue's tables, in a stable order. */
const tables = ['authors', 'tags', 'articles', 'articles_tags'];

/** A digest of every row of the catalogue: equal digests mean nothing was written. */
export async function catalogueChecksum(knex: Knex): Promise<string> {
	const hash = createHash('sha256');
	for (const table of tables) {
		const rows = await knex(table).select('*').orderBy('id');
		hash.update(`${table}:${JSON.stringify(rows)}\n`);
	}
	return hash.digest('hex');
}

import { randomBytes, randomUUID } from 'node:crypto';
import { createCollection, createItems } from '@directus/sdk';
import { Agent, setGlobalDispatcher } from 'undici';
import type { RunningKernel } from '../helpers/kernel.js';
import type { TestDatabase } from '../helpers/databases.js';
import { adminClient, tokenClient } from './sdk-clients.js';

// The kernel under test runs in this process, so a busy moment stalls client and server alike:
// a pooled connection the client still thinks fresh can meet the server's keep-alive timeout
// (5 s) and fail as "fetch failed". Idle connections are dropped well before that instead.
setGlobalDispatcher(new Agent({ keepAliveTimeout: 1000, keepAliveMaxTimeout: 1000 }));

/** One permission row as an admin would set it up. */
export interface Grant {
	collection: string;
	action: 'create' | 'read' | 'update' | 'delete' | 'share';
	fields?: string;
	permissions?: Record<string, unknown>;
}

export interface Person {
	id: string;
	role: string;
	policy: string;
	client: ReturnType<typeof tokenClient>;
	token: string;
}

/**
 * A user with a role of their own and one app-access policy holding `grants`, signing in with a
 * static token. The rows are written directly, so a test of one endpoint group does not depend
 * on the access-control endpoints it is not about; the kernel's caches are told afterwards.
 */
export async function addPerson(running: RunningKernel, db: TestDatabase, name: string, grants: Grant[] = []): Promise<Person> {
	const [role, policy, id] = [randomUUID(), randomUUID(), randomUUID()];
	const token = `${name}-${randomBytes(12).toString('hex')}`;
	await db.knex('mantle_roles').insert({ id: role, name: `${name} role` });
	await db.knex('mantle_policies').insert({ id: policy, name: `${name} policy`, app_access: true, admin_access: false });
	await db.knex('mantle_access').insert({ id: randomUUID(), role, policy });
	await db.knex('mantle_users').insert({ id, email: `${name}@example.com`, status: 'active', role, token });
	for (const grant of grants) {
		await db.knex('mantle_permissions').insert({
			collection: grant.collection,
			action: grant.action,
			fields: grant.fields ?? '*',
			permissions: grant.permissions ? JSON.stringify(grant.permissions) : null,
			policy,
		});
	}
	running.kernel.permissions.invalidate();
	running.kernel.authenticator.invalidate();
	return { id, role, policy, token, client: tokenClient(running.url, token) };
}

/** `articles` (id, title, status, sort) with `sort` as its sort field, holding the given titles. */
export async function addArticles(url: string, titles: string[]): Promise<number[]> {
	const admin = adminClient(url);
	await admin.request(
		createCollection({
			collection: 'articles',
			meta: { sort_field: 'sort' },
			schema: {},
			fields: [
				{ field: 'id', type: 'integer', schema: { is_primary_key: true, has_auto_increment: true } },
				{ field: 'title', type: 'string' },
				{ field: 'status', type: 'string', schema: { default_value: 'draft' } },
				{ field: 'sort', type: 'integer' },
			],
		} as never),
	);
	if (titles.length === 0) return [];
	const created = await admin.request(
		createItems('articles' as never, titles.map((title, index) => ({ title, status: 'published', sort: index + 1 })) as never, { fields: ['id'] } as never),
	);
	return (created as Array<{ id: number }>).map((row) => Number(row.id));
}

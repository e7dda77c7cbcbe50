import test from 'ava';
import { PlanCache } from '../src/items/plan/cache.js';
import { ReadPlan } from '../src/items/plan/plan.js';
import { vendorTest } from './helpers/vendor-test.js';
import { startKernel } from './helpers/kernel.js';
import { api, errorCode } from './helpers/http.js';
import { articles, authors, createCatalog, seedCatalog } from './helpers/catalog.js';

// Reads of a query shape asked before reuse its plan (read nodes, checked conditions, compiled
// SQL, row shapers). A plan must never outlive what it was made from: a new field, a changed
// permission or role is in force on the very next request, and a plan compiled for one user's
// `$CURRENT_USER` never answers another user.

const ids = (response: { body: any }) => (response.body.data as Array<{ id: number }>).map((item) => item.id);

async function createReader(url: string, name: string, role: string, token: string): Promise<string> {
	const user = await api(url, 'POST', '/users', { email: `${name}@example.com`, status: 'active', role, token });
	if (user.status !== 200) throw new Error(JSON.stringify(user.body));
	return user.body.data.id;
}

async function createRole(url: string, name: string, permissions: Array<{ collection: string; action: string; fields: string; permissions?: unknown }>) {
	const role = (await api(url, 'POST', '/roles', { name })).body.data.id as string;
	const policy = (await api(url, 'POST', '/policies', { name: `${name} policy`, app_access: false, admin_access: false })).body.data.id as string;
	await api(url, 'POST', '/access', { role, policy });
	const created: string[] = [];
	for (const permission of permissions) {
		const response = await api(url, 'POST', '/permissions', { policy, ...permission });
		if (response.status !== 200) throw new Error(JSON.stringify(response.body));
		created.push(response.body.data.id);
	}
	return { role, permissions: created };
}

vendorTest('a repeated query shape reuses its plan, and one plan serves reads by any key', async (t, db) => {
	const { url, kernel, stop } = await startKernel(db);
	try {
		await createCatalog(url);
		await seedCatalog(url);
		const plans = await kernel.engine.planCache();
		const path = '/items/articles?fields=id,title,author.name&sort=id&limit=-1';
		const expected = articles.map((a) => ({
			id: a.id,
			title: a.title,
			author: a.author === null ? null : { name: authors.find((b) => b.id === a.author)!.name },
		}));

		t.deepEqual((await api(url, 'GET', path)).body.data, expected);
		const hits = plans.hits;
		t.deepEqual((await api(url, 'GET', path)).body.data, expected, 'the same answer from the plan');
		t.deepEqual((await api(url, 'GET', path)).body.data, expected);
		t.true(plans.hits >= hits + 2, 'the second and third reads reuse the first one’s plan');

		t.deepEqual((await api(url, 'GET', `/items/articles/${articles[0]!.id}?fields=id,title`)).body.data, { id: articles[0]!.id, title: articles[0]!.title });
		const entries = plans.entries;
		const byKeyHits = plans.hits;
		for (const article of articles.slice(1)) {
			t.deepEqual((await api(url, 'GET', `/items/articles/${article.id}?fields=id,title`)).body.data, { id: article.id, title: article.title });
		}
		t.true(plans.hits >= byKeyHits + articles.length - 1, 'every other key is read through the same plan');
		t.is(plans.entries, entries, 'no plan per key');
		t.is(errorCode(await api(url, 'GET', '/items/articles/999999?fields=id,title')), 'FORBIDDEN', 'a key with no item is still refused');
		t.is(errorCode(await api(url, 'GET', '/items/articles/not-a-number?fields=id,title')), 'INVALID_QUERY', 'a key of the wrong type is refused as before');
	} finally {
		await stop();
	}
});

vendorTest('a field added, a permission changed or a role changed is in force on the very next read of a planned shape', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		await createCatalog(url);
		await seedCatalog(url);
		const { role: publishedRole, permissions: publishedRules } = await createRole(url, 'Published reader', [
			{ collection: 'articles', action: 'read', fields: '*', permissions: { status: { _eq: 'published' } } },
			{ collection: 'articles_tags', action: 'read', fields: '*' },
		]);
		const { role: draftRole } = await createRole(url, 'Draft reader', [
			{ collection: 'articles', action: 'read', fields: 'id,title', permissions: { status: { _eq: 'draft' } } },
		]);
		const token = 'plan-cache-reader-token-0123456789';
		const reader = await createReader(url, 'planned', publishedRole, token);
		const path = '/items/articles?sort=id&limit=-1';
		const published = articles.filter((a) => a.status === 'published').map((a) => a.id);
		for (let i = 0; i < 3; i++) t.deepEqual(ids(await api(url, 'GET', path, undefined, token)), published);
		for (let i = 0; i < 3; i++) t.false('subtitle' in (await api(url, 'GET', path)).body.data[0]);

		t.is((await api(url, 'POST', '/fields/articles', { field: 'subtitle', type: 'string' })).status, 200);
		t.true('subtitle' in (await api(url, 'GET', path)).body.data[0], 'the admin sees the new field at once');
		t.true('subtitle' in (await api(url, 'GET', path, undefined, token)).body.data[0], 'so does a reader allowed every field');

		t.is((await api(url, 'PATCH', `/permissions/${publishedRules[0]}`, { permissions: { status: { _eq: 'archived' } } })).status, 200);
		t.deepEqual(
			ids(await api(url, 'GET', path, undefined, token)),
			articles.filter((a) => a.status === 'archived').map((a) => a.id),
			'another row rule at once',
		);

		t.is((await api(url, 'PATCH', `/users/${reader}`, { role: draftRole })).status, 200);
		const asDraftReader = await api(url, 'GET', path, undefined, token);
		t.is(asDraftReader.status, 200);
		t.deepEqual(
			asDraftReader.body.data,
			articles.filter((a) => a.status === 'draft').map((a) => ({ id: a.id, title: a.title })),
			'the new role’s rows and fields at once',
		);
	} finally {
		await stop();
	}
});

vendorTest('two users of one role whose rule names $CURRENT_USER never see each other’s rows through a shared plan', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		await createCatalog(url);
		const { role } = await createRole(url, 'Own articles', [
			{ collection: 'articles', action: 'read', fields: 'id,title,user_created', permissions: { user_created: { _eq: '$CURRENT_USER' } } },
			{ collection: 'articles', action: 'create', fields: 'title' },
		]);
		const tokens = ['plan-cache-owner-a-token-0123456789', 'plan-cache-owner-b-token-0123456789'];
		const users = [await createReader(url, 'owner-a', role, tokens[0]!), await createReader(url, 'owner-b', role, tokens[1]!)];
		const own: number[][] = [[], []];
		for (let round = 0; round < 2; round++) {
			for (const [index, token] of tokens.entries()) {
				const created = await api(url, 'POST', '/items/articles', { title: `by ${index} #${round}` }, token);
				t.is(created.status, 200, JSON.stringify(created.body));
				own[index]!.push(created.body.data.id);
			}
		}
		const path = '/items/articles?fields=id,user_created&sort=id';
		// Interleaved, so a plan compiled for one user is in the cache when the other asks.
		for (let i = 0; i < 3; i++) {
			for (const [index, token] of tokens.entries()) {
				const read = await api(url, 'GET', path, undefined, token);
				t.deepEqual(
					read.body.data,
					own[index]!.map((id) => ({ id, user_created: users[index] })),
				);
				const other = own[1 - index]![0]!;
				t.is(errorCode(await api(url, 'GET', `/items/articles/${other}`, undefined, token)), 'FORBIDDEN', 'the other user’s item stays out of reach');
				t.is((await api(url, 'GET', `/items/articles/${own[index]![0]}`, undefined, token)).body.data.user_created, users[index]);
			}
		}
	} finally {
		await stop();
	}
});

vendorTest('the plan cache keeps no more plans than its bound, however many shapes are read', async (t, db) => {
	const { url, kernel, stop } = await startKernel(db);
	try {
		await createCatalog(url);
		await seedCatalog(url);
		const plans = await kernel.engine.planCache();
		const service = await kernel.engine.service('articles', null);
		for (let i = 0; i < plans.size + 20; i++) {
			const found = await service.readByQuery({ fields: ['id'], filter: { views: { _gte: i } }, limit: -1 });
			t.deepEqual(
				found.map((item) => item.id),
				articles.filter((a) => a.views >= i).map((a) => a.id),
			);
		}
		t.true(plans.entries <= plans.size, `${plans.entries} plans kept, bound ${plans.size}`);
		const hits = plans.hits;
		await service.readByQuery({ fields: ['id'], filter: { views: { _gte: plans.size + 19 } }, limit: -1 });
		t.is(plans.hits, hits + 1, 'the most recent shape is still planned');
	} finally {
		await stop();
	}
});

test('the least recently used plan is the one dropped', (t) => {
	const cache = new PlanCache(2);
	const [a, b, c] = [new ReadPlan(), new ReadPlan(), new ReadPlan()];
	cache.set('a', a);
	cache.set('b', b);
	t.is(cache.get('a'), a);
	cache.set('c', c);
	t.is(cache.entries, 2);
	t.is(cache.get('b'), undefined, 'b was used least recently');
	t.is(cache.get('a'), a);
	t.is(cache.get('c'), c);
});

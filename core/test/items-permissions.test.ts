import { randomUUID } from 'node:crypto';
import { vendorTest } from './helpers/vendor-test.js';
import { startKernel } from './helpers/kernel.js';
import { api, errorCode } from './helpers/http.js';
import { articles, createCatalog, seedCatalog } from './helpers/catalog.js';

const readerToken = 'reader-static-token-0123456789abcdef';

/**
 * A reader whose role may read `articles` fields id and title where status is published, update
 * the articles they created, and nothing on `authors`.
 */
async function setUpReader(url: string, db: { knex: any }) {
	const role = (await api(url, 'POST', '/roles', { name: 'Reader' })).body.data.id;
	const policy = (await api(url, 'POST', '/policies', { name: 'Reader policy', app_access: false, admin_access: false })).body.data.id;
	const access = await api(url, 'POST', '/access', { role, policy });
	if (access.status !== 200) throw new Error(JSON.stringify(access.body));
	const grant = async (body: Record<string, unknown>) => {
		const response = await api(url, 'POST', '/permissions', { policy, ...body });
		if (response.status !== 200) throw new Error(JSON.stringify(response.body));
	};
	await grant({ collection: 'articles', action: 'read', fields: 'id,title', permissions: { status: { _eq: 'published' } } });
	await grant({ collection: 'articles', action: 'update', fields: 'title', permissions: { user_created: { _eq: '$CURRENT_USER' } } });
	const user = randomUUID();
	await db.knex('mantle_users').insert({ id: user, email: 'reader@example.com', status: 'active', role, token: readerToken });
	// Articles 6 (published) and 7 (draft) are the reader's own.
	await db.knex('articles').whereIn('id', [6, 7]).update({ user_created: user });
	return { role, policy, user };
}

const published = articles.filter((a) => a.status === 'published');
const as = (url: string, method: string, path: string, body?: unknown) => api(url, method, path, body, readerToken);
const q = (value: unknown) => encodeURIComponent(JSON.stringify(value));

vendorTest('a reader sees only allowed fields of allowed rows, through every kind of read', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		await createCatalog(url);
		await seedCatalog(url);
		await setUpReader(url, db);

		const list = await as(url, 'GET', '/items/articles?sort=id&meta=*');
		t.deepEqual(
			list.body.data,
			published.map((a) => ({ id: a.id, title: a.title })),
		);
		t.deepEqual(list.body.meta, { total_count: published.length, filter_count: published.length });
		t.deepEqual((await as(url, 'GET', '/items/articles/1')).body.data, { id: 1, title: 'Hello World' });
		t.is(errorCode(await as(url, 'GET', '/items/articles/3')), 'FORBIDDEN', 'a draft is as absent as a missing id');
		t.is(errorCode(await as(url, 'GET', '/items/articles/999')), 'FORBIDDEN');

		for (const path of [
			'/items/articles?fields=views',
			'/items/articles?fields=author.name',
			'/items/articles?fields=tags.tags_id.name',
			`/items/articles?filter=${q({ status: { _eq: 'draft' } })}`,
			`/items/articles?filter=${q({ views: { _gt: 100 } })}`,
			`/items/articles?filter=${q({ author: { name: { _eq: 'Ada' } } })}`,
			'/items/articles?sort=views',
			'/items/articles?sort=author.name',
			'/items/articles?aggregate[sum]=views',
			'/items/articles?aggregate[count]=*&groupBy=status',
			`/items/articles?fields=id&deep=${q({ tags: { _limit: 1 } })}&fields=tags.id`,
			'/items/articles?fields=count(tags)',
			'/items/authors',
			'/items/authors/1',
		]) {
			t.is(errorCode(await as(url, 'GET', path)), 'FORBIDDEN', path);
		}

		// Search looks only at readable fields of readable rows: "Hello from abroad" is article 8's body.
		t.deepEqual((await as(url, 'GET', '/items/articles?search=abroad')).body.data, []);
		t.deepEqual(
			(await as(url, 'GET', '/items/articles?search=hello&sort=id')).body.data.map((a: any) => a.id),
			published.filter((a) => a.title.toLowerCase().includes('hello')).map((a) => a.id),
		);
		t.deepEqual(
			(await as(url, 'GET', '/items/articles?sort=-id&fields=id')).body.data.map((a: any) => a.id),
			published.map((a) => a.id).reverse(),
		);
		t.deepEqual((await as(url, 'GET', '/items/articles?aggregate[count]=*')).body.data, [{ count: published.length }]);
		t.deepEqual((await as(url, 'GET', '/items/articles?aggregate[count]=*&groupBy=title&filter[title][_starts_with]=Hello')).body.data, [
			{ title: 'Hello World', count: 1 },
		]);

		const exported = await fetch(`${url}/items/articles?export=json&sort=id&limit=-1`, { headers: { authorization: `Bearer ${readerToken}` } });
		t.deepEqual(
			await exported.json(),
			published.map((a) => ({ id: a.id, title: a.title })),
		);
	} finally {
		await stop();
	}
});

vendorTest('forbidden writes are 403 and change nothing; own items can be updated', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		await createCatalog(url);
		await seedCatalog(url);
		await setUpReader(url, db);
		const snapshot = async () => db.knex('articles').select('id', 'title', 'views', 'status').orderBy('id');
		const before = await snapshot();
		t.is(errorCode(await as(url, 'POST', '/items/articles', { title: 'mine' })), 'FORBIDDEN');
		t.is(errorCode(await as(url, 'PATCH', '/items/articles/1', { title: 'not mine' })), 'FORBIDDEN');
		t.is(errorCode(await as(url, 'PATCH', '/items/articles', { keys: [1, 6], data: { title: 'half mine' } })), 'FORBIDDEN');
		t.is(errorCode(await as(url, 'PATCH', '/items/articles/6', { views: 1 })), 'FORBIDDEN', 'views is not an updatable field');
		t.is(errorCode(await as(url, 'DELETE', '/items/articles/6')), 'FORBIDDEN');
		t.is(errorCode(await as(url, 'POST', '/items/authors', { name: 'x' })), 'FORBIDDEN');
		t.deepEqual(await snapshot(), before);

		const own = await as(url, 'PATCH', '/items/articles/6', { title: 'My science' });
		t.deepEqual(own.body.data, { id: 6, title: 'My science' });
		// Article 7 is the reader's but a draft: updated, yet not readable, so the answer is empty.
		t.is((await as(url, 'PATCH', '/items/articles/7', { title: 'My draft' })).status, 204);
		t.is((await db.knex('articles').where({ id: 7 }).first('title')).title, 'My draft');
	} finally {
		await stop();
	}
});

vendorTest('the public sees nothing until granted, then only what was granted', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		await createCatalog(url);
		await seedCatalog(url);
		t.is(errorCode(await api(url, 'GET', '/items/articles', undefined, null)), 'FORBIDDEN');
		const publicPolicy = (await api(url, 'GET', '/access?filter[role][_null]=true&filter[user][_null]=true&fields=policy')).body.data[0].policy;
		await api(url, 'POST', '/permissions', {
			policy: publicPolicy,
			collection: 'articles',
			action: 'read',
			fields: 'id',
			permissions: { featured: { _eq: true } },
		});
		const anonymous = await api(url, 'GET', '/items/articles?sort=id', undefined, null);
		t.deepEqual(
			anonymous.body.data,
			articles.filter((a) => a.featured).map((a) => ({ id: a.id })),
		);
		t.is(errorCode(await api(url, 'GET', '/items/articles?fields=title', undefined, null)), 'FORBIDDEN');
	} finally {
		await stop();
	}
});

vendorTest('nested relations apply their own rules; validation and presets shape writes; system collections are guarded', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		await createCatalog(url);
		await seedCatalog(url);
		const role = (await api(url, 'POST', '/roles', { name: 'Writer' })).body.data.id;
		const policy = (await api(url, 'POST', '/policies', { name: 'Writer policy' })).body.data.id;
		await api(url, 'POST', '/access', { role, policy });
		const grant = (body: Record<string, unknown>) => api(url, 'POST', '/permissions', { policy, ...body });
		await grant({ collection: 'articles', action: 'read', fields: 'id,title,author,tags' });
		await grant({ collection: 'authors', action: 'read', fields: 'name', permissions: { country: { _eq: 'UK' } } });
		await grant({ collection: 'articles', action: 'create', fields: 'title,views', validation: { views: { _lte: 100 } }, presets: { status: 'archived' } });
		const token = 'writer-static-token-0123456789abcdef';
		await db.knex('mantle_users').insert({ id: randomUUID(), email: 'writer@example.com', status: 'active', role, token });
		const call = (method: string, path: string, body?: unknown) => api(url, method, path, body, token);

		// Only Ada is British: other authors read as null, even though the article rows are visible.
		const expanded = (await call('GET', '/items/articles?fields=id,author.name&sort=id')).body.data;
		t.deepEqual(
			expanded,
			articles.map((a) => ({ id: a.id, author: a.author === 1 ? { name: 'Ada' } : null })),
		);
		// `*` leaves out the tags it may not read (the junction), instead of refusing the whole read.
		t.deepEqual(Object.keys((await call('GET', '/items/articles/1')).body.data).sort(), ['author', 'id', 'title']);
		t.is(errorCode(await call('GET', '/items/articles?fields=tags')), 'FORBIDDEN', 'asking for it by name is refused');
		t.deepEqual(
			(await call('GET', '/items/articles?filter[author][name][_eq]=Brian')).body.data,
			[],
			'a filter through the relation sees only readable authors',
		);

		const refused = await call('POST', '/items/articles', { title: 'Too popular', views: 500 });
		t.is(errorCode(refused), 'FAILED_VALIDATION');
		t.regex(refused.body.errors[0].message, /"views"/);
		t.is((await call('POST', '/items/articles', { title: 'Preset', views: 3 })).status, 200);
		t.like(await db.knex('articles').where({ title: 'Preset' }).first('status', 'views'), { status: 'archived', views: 3 });

		for (const path of ['/roles', '/policies', '/permissions', '/access', '/activity', '/revisions']) {
			t.is(errorCode(await call('GET', path)), 'FORBIDDEN', path);
		}
		t.is(
			errorCode(await call('POST', '/permissions', { policy, collection: 'authors', action: 'create', fields: '*' })),
			'FORBIDDEN',
			'no raising its own rights',
		);
	} finally {
		await stop();
	}
});

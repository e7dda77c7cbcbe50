import { vendorTest } from './helpers/vendor-test.js';
import { adminToken, startKernel } from './helpers/kernel.js';
import { api, errorCode } from './helpers/http.js';
import { articles, createCatalog, seedCatalog } from './helpers/catalog.js';
import { eventually } from './helpers/wait.js';

const count = async (db: { knex: any }, table: string) => Number(Object.values((await db.knex(table).count({ n: '*' }))[0] as object)[0]);

vendorTest('create, read back, update one/many/by query/batch, delete; defaults and system-filled fields', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		await createCatalog(url);
		await seedCatalog(url);
		const created = await api(url, 'POST', '/items/articles?fields=id,title,status,views,featured', { title: 'Fresh' });
		t.is(created.status, 200, JSON.stringify(created.body));
		t.deepEqual(created.body.data, { id: articles.length + 1, title: 'Fresh', status: 'draft', views: 0, featured: false });

		const patched = await api(url, 'PATCH', `/items/articles/${created.body.data.id}?fields=views,rating`, { views: '17', rating: 2.5 });
		t.deepEqual(patched.body.data, { views: 17, rating: '2.50' });

		const many = await api(url, 'PATCH', '/items/articles?fields=id,status', { keys: [1, 2], data: { status: 'archived' } });
		t.deepEqual(many.body.data, [
			{ id: 1, status: 'archived' },
			{ id: 2, status: 'archived' },
		]);
		const byQuery = await api(url, 'PATCH', '/items/articles?fields=id', { query: { filter: { status: { _eq: 'draft' } } }, data: { featured: true } });
		t.deepEqual(byQuery.body.data.map((a: any) => a.id).sort(), [3, 7, 9]);
		const batch = await api(url, 'PATCH', '/items/articles?fields=id,views', [
			{ id: 3, views: 1 },
			{ id: 4, views: 2 },
		]);
		t.deepEqual(batch.body.data, [
			{ id: 3, views: 1 },
			{ id: 4, views: 2 },
		]);

		t.is((await api(url, 'DELETE', '/items/articles/9')).status, 204);
		t.is((await api(url, 'DELETE', '/items/articles', [7, 8])).status, 204);
		t.is((await api(url, 'DELETE', '/items/articles', { query: { filter: { status: { _eq: 'archived' } } } })).status, 204);
		t.deepEqual((await api(url, 'GET', '/items/articles?fields=id&sort=id')).body.data, [{ id: 3 }, { id: 5 }, { id: 6 }]);
		// The junction rows of deleted articles went with them (ON DELETE CASCADE).
		t.is(await count(db, 'articles_tags'), 2 + 1);
	} finally {
		await stop();
	}
});

vendorTest('nested writes: M2O object, O2M list, M2M with new and existing tags, the detailed form', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		await createCatalog(url);
		await seedCatalog(url);
		const author = await api(url, 'POST', '/items/authors?fields=name,articles.title,articles.tags.tags_id.name', {
			name: 'Eve',
			articles: [{ title: 'Nested one', tags: [{ tags_id: 1 }, { tags_id: { name: 'brand new' } }] }, { title: 'Nested two' }],
		});
		t.is(author.status, 200, JSON.stringify(author.body));
		t.deepEqual(author.body.data, {
			name: 'Eve',
			articles: [
				{ title: 'Nested one', tags: [{ tags_id: { name: 'news' } }, { tags_id: { name: 'brand new' } }] },
				{ title: 'Nested two', tags: [] },
			],
		});

		const withAuthor = await api(url, 'POST', '/items/articles?fields=title,author.name', { title: 'By a newcomer', author: { name: 'Frank' } });
		t.deepEqual(withAuthor.body.data, { title: 'By a newcomer', author: { name: 'Frank' } });

		// Ada keeps article 1, gets 3, loses 2 (unlinked: its author becomes null).
		await api(url, 'PATCH', '/items/authors/1', { articles: [1, 3] });
		t.deepEqual((await api(url, 'GET', '/items/authors/1?fields=articles')).body.data.articles, [1, 3]);
		t.is((await api(url, 'GET', '/items/articles/2?fields=author')).body.data.author, null);

		await api(url, 'PATCH', '/items/authors/1', { articles: { create: [{ title: 'Added' }], update: [{ id: 1, title: 'Renamed' }], delete: [3] } });
		const ada = (await api(url, 'GET', '/items/authors/1?fields=articles.title&deep[articles][_sort]=id')).body.data;
		t.deepEqual(
			ada.articles.map((a: any) => a.title),
			['Renamed', 'Added'],
		);
	} finally {
		await stop();
	}
});

vendorTest('a batch failing anywhere leaves no row of it behind, nested writes included', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		await createCatalog(url);
		await seedCatalog(url);
		const before = {
			articles: await count(db, 'articles'),
			authors: await count(db, 'authors'),
			tags: await count(db, 'tags'),
			activity: await count(db, 'mantle_activity'),
		};
		const batch = await api(url, 'POST', '/items/articles', [{ title: 'ok 1' }, { title: 'ok 2' }, { title: 'x'.repeat(41) }]);
		t.is(errorCode(batch), 'VALUE_TOO_LONG');
		const nested = await api(url, 'POST', '/items/authors', { name: 'Ghost', articles: [{ title: 'fine', tags: [{ tags_id: { name: 'news' } }] }] });
		t.is(errorCode(nested), 'RECORD_NOT_UNIQUE');
		t.like(nested.body.errors[0].extensions, { code: 'RECORD_NOT_UNIQUE', collection: 'tags', field: 'name' });
		t.deepEqual(
			{
				articles: await count(db, 'articles'),
				authors: await count(db, 'authors'),
				tags: await count(db, 'tags'),
				activity: await count(db, 'mantle_activity'),
			},
			before,
		);
	} finally {
		await stop();
	}
});

vendorTest('write errors name the field: bad type, missing, null, too long, out of range, foreign key, unknown field', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		await createCatalog(url);
		await seedCatalog(url);
		const expectError = async (path: string, method: string, body: unknown, code: string, field: string) => {
			const response = await api(url, method, path, body);
			t.is(errorCode(response), code, `${JSON.stringify(body)} → ${JSON.stringify(response.body)}`);
			t.regex(response.body?.errors?.[0]?.message ?? '', new RegExp(`"${field}"`));
		};
		await expectError('/items/articles', 'POST', { title: 'a', views: 'abc' }, 'INVALID_PAYLOAD', 'views');
		await expectError('/items/articles', 'POST', { body: 'no title' }, 'FAILED_VALIDATION', 'title');
		await expectError('/items/articles/1', 'PATCH', { title: null }, 'FAILED_VALIDATION', 'title');
		// As Directus answers (#12): an explicit null for a NOT NULL field names the field, type "nnull".
		await expectError('/items/authors/1', 'PATCH', { name: null }, 'FAILED_VALIDATION', 'name');
		await expectError('/items/authors', 'POST', { name: 'Z', country: 'USA' }, 'VALUE_TOO_LONG', 'country');
		// SQLite's integers are 64-bit whatever the declared type: there the value simply fits.
		if (db.vendor === 'sqlite') t.is((await api(url, 'POST', '/items/articles', { title: 'big', views: 2 ** 40 })).status, 200);
		else await expectError('/items/articles', 'POST', { title: 'big', views: 2 ** 40 }, 'VALUE_OUT_OF_RANGE', 'views');
		await expectError('/items/articles', 'POST', { title: 'orphan', author: 999 }, 'INVALID_FOREIGN_KEY', 'author');
		await expectError('/items/tags', 'POST', { name: 'news' }, 'RECORD_NOT_UNIQUE', 'name');
		// As Directus does (#12): keys that name no field are ignored, and an admin's update of a missing id is a 204 that creates nothing.
		const ignored = await api(url, 'POST', '/items/articles?fields=title', { title: 'a', colour: 'red' });
		t.deepEqual([ignored.status, ignored.body.data], [200, { title: 'a' }]);
		const missing = await api(url, 'PATCH', '/items/articles/999', { title: 'none' });
		t.is(missing.status, 204);
		t.is(await db.knex('articles').where({ id: 999 }).first(), undefined);
		t.is(errorCode(await api(url, 'POST', '/items/articles', 'not an item')), 'INVALID_PAYLOAD');
	} finally {
		await stop();
	}
});

vendorTest('filter hooks rewrite or cancel a write inside its transaction; action hooks run after commit', async (t, db) => {
	const { url, stop, kernel } = await startKernel(db);
	try {
		await createCatalog(url);
		const seen: unknown[] = [];
		kernel.bus.onFilter('articles.items.create', 'test', (payload: any) => ({ ...payload, title: String(payload.title).toUpperCase() }));
		kernel.bus.onFilter('items.create', 'test', (payload: any) => {
			if (payload.title === 'FORBIDDEN WORD') throw Object.assign(new Error('That title is not allowed.'), { code: 'INVALID_PAYLOAD' });
			return payload;
		});
		kernel.bus.onAction('articles.items.create', 'test', async (meta) => {
			seen.push(meta.key);
		});
		const created = await api(url, 'POST', '/items/articles?fields=id,title', { title: 'quiet' });
		// Filters run generic-first: the generic hook saw 'quiet', the collection's hook upper-cased it.
		t.deepEqual(created.body.data, { id: 1, title: 'QUIET' });
		t.true(await eventually(() => seen.length >= 1), 'the create action was heard');
		t.deepEqual(seen, [1]);

		kernel.bus.onFilter('articles.items.update', 'test', (payload: any) => {
			if ('views' in payload) throw Object.assign(new Error('Views are read only.'), { code: 'FORBIDDEN' });
			return payload;
		});
		const refused = await api(url, 'PATCH', '/items/articles/1', { views: 5 });
		t.is(errorCode(refused), 'FORBIDDEN');
		t.is(refused.body.errors[0].message, 'Views are read only.');
		t.is((await db.knex('articles').first('views')).views, 0);
	} finally {
		await stop();
	}
});

vendorTest('activity and revisions record every write; revert restores an earlier state', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		await createCatalog(url);
		const id = (await api(url, 'POST', '/items/articles', { title: 'First title' })).body.data.id;
		await api(url, 'PATCH', `/items/articles/${id}`, { title: 'Second title' });
		const activity = (await api(url, 'GET', '/activity?filter[collection][_eq]=articles&sort=id&fields=action,item,user')).body.data;
		t.deepEqual(
			activity.map((a: any) => [a.action, a.item]),
			[
				['create', String(id)],
				['update', String(id)],
			],
		);
		t.truthy(activity[0].user, 'the admin is recorded');
		const revisions = (await api(url, 'GET', '/revisions?filter[collection][_eq]=articles&sort=id')).body.data;
		t.is(revisions.length, 2);
		t.like(revisions[1], { item: String(id), delta: { title: 'Second title' } });
		t.like(revisions[1].data, { id, title: 'Second title', status: 'draft' });

		t.is((await api(url, 'POST', `/utils/revert/${revisions[0].id}`)).status, 204);
		t.is((await api(url, 'GET', `/items/articles/${id}?fields=title`)).body.data.title, 'First title');
		t.is(errorCode(await api(url, 'POST', '/activity', {})), 'ROUTE_NOT_FOUND');
	} finally {
		await stop();
	}
});

vendorTest('import streams CSV and JSON in one transaction; export returns every row', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		await createCatalog(url);
		const post = (body: string, type: string) =>
			fetch(`${url}/utils/import/authors`, { method: 'POST', headers: { authorization: `Bearer ${adminToken}`, 'content-type': type }, body }).then(
				async (r) => ({ status: r.status, body: (await r.json()) as any }),
			);
		const csv = await post('name,country\nAda,UK\n"Brown, Bob",US\nChen,\n', 'text/csv');
		t.deepEqual(csv.body.data, { created: 3, updated: 0 });
		const json = await post(
			JSON.stringify([
				{ id: 1, name: 'Ada Lovelace' },
				{ name: 'Dana', country: 'US' },
			]),
			'application/json',
		);
		t.deepEqual(json.body.data, { created: 1, updated: 1 });
		// As the Directus SDK sends it: a form whose `file` part is the CSV.
		const form = new FormData();
		form.append('file', new Blob(['name,country\nEve,FR\n'], { type: 'text/csv' }), 'authors.csv');
		const multipart = await fetch(`${url}/utils/import/authors`, { method: 'POST', headers: { authorization: `Bearer ${adminToken}` }, body: form });
		t.deepEqual(((await multipart.json()) as any).data, { created: 1, updated: 0 });
		const failing = await post(JSON.stringify([{ name: 'Ok' }, { name: 'Bad', country: 'TOO LONG' }]), 'application/json');
		t.is(failing.status, 400);
		const all = (await api(url, 'GET', '/items/authors?fields=name,country&sort=id')).body.data;
		t.deepEqual(all, [
			{ name: 'Ada Lovelace', country: 'UK' },
			{ name: 'Brown, Bob', country: 'US' },
			{ name: 'Chen', country: null },
			{ name: 'Dana', country: 'US' },
			{ name: 'Eve', country: 'FR' },
		]);

		const exported = await fetch(`${url}/utils/export/authors`, {
			method: 'POST',
			headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
			body: JSON.stringify({ format: 'json', query: { fields: ['name'], sort: ['id'] } }),
		});
		t.deepEqual(
			await exported.json(),
			all.map((a: any) => ({ name: a.name })),
		);
	} finally {
		await stop();
	}
});

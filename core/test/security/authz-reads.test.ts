import { vendorTest } from '../helpers/vendor-test.js';
import { withCatalogKernel } from '../helpers/catalog-kernel.js';
import { startKernel } from '../helpers/kernel.js';
import { api, errorCode } from '../helpers/http.js';
import { articles, createCatalog } from '../helpers/catalog.js';
import { q, restrictedUser } from './authz-fixture.js';

// Findings 2, 3, 4, 5 and 10 of #11, replayed as a restricted user would.

vendorTest('a cyclic fields path is bounded by QUERY_MAX_DEPTH and answers at once; the server keeps answering', (t, db) =>
	withCatalogKernel(db, async (url) => {
		const { token } = await restrictedUser(url, db, {
			policies: [
				[
					{ collection: 'articles', action: 'read', fields: '*' },
					{ collection: 'authors', action: 'read', fields: '*' },
				],
			],
		});
		const hops = (count: number) => Array.from({ length: count }, (_, index) => (index % 2 === 0 ? 'author' : 'articles')).join('.');

		const long = api(url, 'GET', `/items/articles?fields=${hops(300)}.id`, undefined, token);
		const ping = await fetch(`${url}/server/ping`);
		t.is(ping.status, 200);
		t.is(errorCode(await long), 'INVALID_QUERY');
		t.is(errorCode(await api(url, 'GET', `/items/articles?fields=${hops(9)}.id`, undefined, token)), 'INVALID_QUERY');
		t.is(
			errorCode(
				await api(
					url,
					'GET',
					`/items/articles?fields=id&deep=${q({ author: { articles: { author: { articles: { author: { articles: { author: { articles: { author: { _limit: 1 } } } } } } } } } })}`,
					undefined,
					token,
				),
			),
			'INVALID_QUERY',
		);
		t.is(
			errorCode(
				await api(
					url,
					'GET',
					`/items/articles?filter=${q({ author: { articles: { author: { articles: { author: { articles: { author: { articles: { author: { name: { _eq: 'x' } } } } } } } } } } })}`,
					undefined,
					token,
				),
			),
			'INVALID_QUERY',
		);

		const eight = await api(url, 'GET', `/items/articles?fields=id,${hops(8)}.id&filter=${q({ id: { _eq: 1 } })}`, undefined, token);
		t.is(eight.status, 200, JSON.stringify(eight.body).slice(0, 300));
		// Article 1 is Ada's; Ada wrote articles 1 and 2: each level holds both, in full.
		const level = eight.body.data[0].author.articles;
		t.deepEqual(
			level.map((article: { author: { articles: unknown[] } }) => article.author.articles.length),
			[2, 2],
		);
		t.is((await fetch(`${url}/server/ping`)).status, 200);
	}),
);

vendorTest('secrets never reach revisions: hash fields are masked in data and delta', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		const vault = await api(url, 'POST', '/collections', {
			collection: 'vault',
			schema: {},
			meta: {},
			fields: [
				{ field: 'label', type: 'string' },
				{ field: 'pin', type: 'hash', meta: { special: ['hash'] } },
			],
		});
		t.is(vault.status, 200, JSON.stringify(vault.body));
		const created = await api(url, 'POST', '/items/vault', { label: 'a', pin: 'plaintext-secret-1' });
		t.is(created.status, 200, JSON.stringify(created.body));
		await api(url, 'PATCH', `/items/vault/${created.body.data.id}`, { pin: 'plaintext-secret-2' });
		const user = await api(url, 'POST', '/users', { email: 'x@example.com', password: 'plaintext-secret-3' });
		await api(url, 'PATCH', `/users/${user.body.data.id}`, { password: 'plaintext-secret-4' });

		const revisions = await db.knex('mantle_revisions').select('data', 'delta');
		t.true(revisions.length >= 2, 'the writes kept revisions');
		const stored = JSON.stringify(revisions);
		t.false(stored.includes('plaintext-secret'), 'no plaintext secret');
		t.false(stored.includes('$argon2'), 'no hash either');
		const vaultRevisions = await db.knex('mantle_revisions').where({ collection: 'vault' }).select('delta');
		const parse = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);
		t.true(vaultRevisions.every((row: { delta: unknown }) => parse(row.delta).pin === '**********'));
	} finally {
		await stop();
	}
});

vendorTest('several policies: a field is visible only on rows a policy allowing it allows, in reads, filters and aggregates', (t, db) =>
	withCatalogKernel(db, async (url) => {
		// Policy A: title and views of published articles. Policy B: only the title of Brian's articles.
		const { token } = await restrictedUser(url, db, {
			policies: [
				[{ collection: 'articles', action: 'read', fields: 'id,title,views', permissions: { status: { _eq: 'published' } } }],
				[{ collection: 'articles', action: 'read', fields: 'id,title', permissions: { author: { _eq: 2 } } }],
			],
		});
		const visibleRows = articles.filter((a) => a.status === 'published' || a.author === 2);
		const list = await api(url, 'GET', '/items/articles?fields=id,title,views&sort=id', undefined, token);
		t.deepEqual(
			list.body.data,
			visibleRows.map((a) => ({ id: a.id, title: a.title, views: a.status === 'published' ? a.views : null })),
		);
		t.deepEqual(
			(await api(url, 'GET', '/items/articles/4?fields=views', undefined, token)).body.data,
			{ views: null },
			'article 4 (archived, 999 views) hides its views',
		);

		const filtered = await api(url, 'GET', `/items/articles?fields=id&filter=${q({ views: { _gt: 500 } })}`, undefined, token);
		t.deepEqual(filtered.body.data, [], 'filtering on views cannot find the hidden 999');
		const sum = await api(url, 'GET', '/items/articles?aggregate[sum]=views', undefined, token);
		const publishedViews = articles.filter((a) => a.status === 'published').reduce((total, a) => total + a.views, 0);
		t.is(Number(sum.body.data[0].sum.views), publishedViews);
		const sorted = await api(url, 'GET', '/items/articles?fields=id&sort=-views&limit=1', undefined, token);
		t.not(sorted.body.data[0].id, 4, 'sorting cannot put the hidden 999 first');
	}),
);

vendorTest('revisions and activity show only items the caller may read, and only their readable fields', (t, db) =>
	withCatalogKernel(db, async (url) => {
		await api(url, 'PATCH', '/items/articles/3', { title: 'secret draft', views: 7 });
		await api(url, 'PATCH', '/items/articles/1', { title: 'public change', views: 8 });
		const { token } = await restrictedUser(url, db, {
			policies: [
				[
					{ collection: 'articles', action: 'read', fields: 'id,title', permissions: { status: { _eq: 'published' } } },
					{ collection: 'directus_revisions', action: 'read', fields: '*', permissions: { collection: { _eq: 'articles' } } },
					{ collection: 'directus_activity', action: 'read', fields: '*' },
				],
			],
		});
		const revisions = await api(url, 'GET', '/revisions?fields=item,data,delta&limit=-1', undefined, token);
		t.is(revisions.status, 200, JSON.stringify(revisions.body));
		const published = new Set(articles.filter((a) => a.status === 'published').map((a) => String(a.id)));
		t.true(revisions.body.data.length > 0);
		for (const revision of revisions.body.data) {
			t.true(published.has(String(revision.item)), `revision of item ${revision.item}`);
			for (const part of [revision.data, revision.delta])
				t.deepEqual(
					Object.keys(part ?? {}).filter((key) => !['id', 'title'].includes(key)),
					[],
				);
		}
		t.false(JSON.stringify(revisions.body).includes('secret draft'));
		const counted = await api(url, 'GET', '/revisions?meta=*&limit=1', undefined, token);
		t.deepEqual(counted.body.meta, { total_count: revisions.body.data.length, filter_count: revisions.body.data.length }, 'counts reveal no hidden revision');

		const activity = await api(url, 'GET', '/activity?fields=user,collection,item&limit=-1', undefined, token);
		t.is(activity.status, 200, JSON.stringify(activity.body));
		t.true(activity.body.data.length > 0);
		t.true(
			activity.body.data.every(
				(row: { user: unknown; collection: string; item: string }) => row.user === null && (row.collection !== 'articles' || published.has(row.item)),
			),
			'no user id the caller may not read, no hidden item',
		);
	}),
);

vendorTest('schema metadata lists only the collections and fields the caller may read', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		await createCatalog(url);
		const { token } = await restrictedUser(url, db, {
			app: true,
			policies: [
				[
					{ collection: 'articles', action: 'read', fields: 'id,title,author' },
					{ collection: 'authors', action: 'read', fields: 'id,name' },
				],
			],
		});
		const fields = await api(url, 'GET', '/fields', undefined, token);
		t.deepEqual(fields.body.data.map((f: { collection: string; field: string }) => `${f.collection}.${f.field}`).sort(), [
			'articles.author',
			'articles.id',
			'articles.title',
			'authors.id',
			'authors.name',
		]);
		t.false(JSON.stringify(fields.body).includes('tfa_secret'));
		t.is(errorCode(await api(url, 'GET', '/fields/directus_users', undefined, token)), 'FORBIDDEN');
		t.is(errorCode(await api(url, 'GET', '/fields/articles/views', undefined, token)), 'FORBIDDEN');
		const collections = await api(url, 'GET', '/collections', undefined, token);
		t.deepEqual(collections.body.data.map((c: { collection: string }) => c.collection).sort(), ['articles', 'authors']);
		t.is(errorCode(await api(url, 'GET', '/collections/tags', undefined, token)), 'FORBIDDEN');
		const relations = await api(url, 'GET', '/relations', undefined, token);
		t.deepEqual(
			relations.body.data.map((r: { collection: string; field: string }) => `${r.collection}.${r.field}`),
			['articles.author'],
		);

		const all = await api(url, 'GET', '/fields');
		t.true(
			all.body.data.some((f: { collection: string; field: string }) => f.collection === 'directus_users' && f.field === 'tfa_secret'),
			'the admin sees everything',
		);
	} finally {
		await stop();
	}
});

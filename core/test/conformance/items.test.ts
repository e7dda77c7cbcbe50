import {
	aggregate,
	createCollection,
	createItem,
	createItems,
	createRelation,
	deleteItem,
	deleteItems,
	readItem,
	readItems,
	readSingleton,
	updateItem,
	updateItems,
	updateItemsBatch,
	updateSingleton,
} from '@directus/sdk';
import { startKernel } from '../helpers/kernel.js';
import { vendorTest } from '../helpers/vendor-test.js';
import { adminClient, sdkError } from './sdk-clients.js';

const id = { field: 'id', type: 'integer', schema: { is_primary_key: true, has_auto_increment: true } };

vendorTest('every items command of the SDK: create, read with query parameters, update, batch update, delete, aggregate', async (t, db) => {
	const server = await startKernel(db);
	try {
		const client = adminClient(server.url);
		await client.request(
			createCollection({ collection: 'authors', schema: {}, meta: {}, fields: [id, { field: 'name', type: 'string', schema: {} }] } as never),
		);
		await client.request(
			createCollection({
				collection: 'posts',
				schema: {},
				meta: {},
				fields: [
					id,
					{ field: 'title', type: 'string', schema: {} },
					{ field: 'views', type: 'integer', schema: { default_value: 0 } },
					{ field: 'tags', type: 'json', schema: {} },
					{ field: 'author', type: 'integer', schema: {}, meta: { special: ['m2o'] } },
				],
			} as never),
		);
		await client.request(
			createRelation({
				collection: 'posts',
				field: 'author',
				related_collection: 'authors',
				meta: { one_field: 'posts' },
				schema: { on_delete: 'SET NULL' },
			} as never),
		);

		const author = await client.request(createItem('authors', { name: 'Grace' }));
		t.deepEqual(author, { id: 1, name: 'Grace', posts: [] });
		const posts = await client.request(
			createItems(
				'posts',
				[
					{ title: 'Compilers', views: 30, tags: ['cs'], author: author.id },
					{ title: 'Navy', views: 10, tags: [], author: author.id },
					{ title: 'Bugs', views: 5, tags: null, author: null },
				],
				{ fields: ['id', 'title'] },
			),
		);
		t.deepEqual(posts, [
			{ id: 1, title: 'Compilers' },
			{ id: 2, title: 'Navy' },
			{ id: 3, title: 'Bugs' },
		]);

		t.deepEqual(await client.request(readItems('posts', { fields: ['title'], filter: { views: { _gte: 10 } }, sort: ['-views'] })), [
			{ title: 'Compilers' },
			{ title: 'Navy' },
		]);
		t.deepEqual(await client.request(readItems('posts', { fields: ['title'], search: 'navy' })), [{ title: 'Navy' }]);
		t.deepEqual(await client.request(readItems('posts', { fields: ['id'], sort: ['id'], limit: 1, offset: 1 })), [{ id: 2 }]);
		t.deepEqual(await client.request(readItems('posts', { fields: ['id'], sort: ['id'], limit: 2, page: 2 })), [{ id: 3 }]);
		t.deepEqual(await client.request(readItems('posts', { fields: ['id', 'headline'], alias: { headline: 'title' }, filter: { id: { _eq: 1 } } } as never)), [
			{ id: 1, headline: 'Compilers' },
		]);
		t.deepEqual(await client.request(readItem('posts', 1, { fields: ['title', 'tags', { author: ['name'] }] })), {
			title: 'Compilers',
			tags: ['cs'],
			author: { name: 'Grace' },
		});
		t.deepEqual(
			await client.request(readItem('authors', 1, { fields: ['name', { posts: ['title'] }], deep: { posts: { _sort: ['-title'], _limit: 1 } } } as never)),
			{ name: 'Grace', posts: [{ title: 'Navy' }] },
		);
		t.deepEqual(await client.request(readItems('posts', { fields: ['id'], filter: { author: { name: { _eq: 'Grace' } } }, sort: ['id'] })), [
			{ id: 1 },
			{ id: 2 },
		]);

		t.deepEqual(await client.request(aggregate('posts', { aggregate: { count: '*' } })), [{ count: 3 }]);
		t.deepEqual(await client.request(aggregate('posts', { aggregate: { sum: 'views', max: 'views' } })), [{ sum: { views: 45 }, max: { views: 30 } }]);
		const grouped = await client.request(aggregate('posts', { aggregate: { count: '*' }, groupBy: ['author'] }));
		t.deepEqual(
			[...grouped].sort((a, b) => String(a.author).localeCompare(String(b.author))),
			[
				{ author: 1, count: 2 },
				{ author: null, count: 1 },
			],
		);

		t.deepEqual(await client.request(updateItem('posts', 3, { views: 6 }, { fields: ['id', 'views'] })), { id: 3, views: 6 });
		t.deepEqual(await client.request(updateItems('posts', [1, 2], { views: 0 }, { fields: ['id', 'views'] })), [
			{ id: 1, views: 0 },
			{ id: 2, views: 0 },
		]);
		const batch = await client.request(
			updateItemsBatch(
				'posts',
				[
					{ id: 1, title: 'Compilers!' },
					{ id: 2, title: 'Navy!' },
				],
				{ fields: ['title'] },
			),
		);
		t.deepEqual(batch.map((row) => row.title).sort(), ['Compilers!', 'Navy!']);

		await client.request(deleteItem('posts', 3));
		t.like(await sdkError(client.request(readItem('posts', 3))), { status: 403, code: 'FORBIDDEN' });
		await client.request(deleteItems('posts', [1, 2]));
		t.deepEqual(await client.request(readItems('posts')), []);
		t.deepEqual(await client.request(readItem('authors', 1, { fields: ['posts'] })), { posts: [] });

		// What clients branch on when a query is wrong.
		t.like(await sdkError(client.request(readItems('posts', { fields: ['nope'] }))), { status: 403, code: 'FORBIDDEN' });
		t.like(await sdkError(client.request(readItems('nowhere'))), { status: 403, code: 'FORBIDDEN' });
		const badFilter = await sdkError(client.request(readItems('posts', { filter: { views: { _unknown: 1 } } } as never)));
		t.like(badFilter, { status: 400, code: 'INVALID_QUERY' });
		t.regex(badFilter.message ?? '', /_unknown/);
	} finally {
		await server.stop();
	}
});

vendorTest('singletons read their defaults before the first save and update in place through the SDK', async (t, db) => {
	const server = await startKernel(db);
	try {
		const client = adminClient(server.url);
		await client.request(
			createCollection({
				collection: 'home',
				schema: {},
				meta: { singleton: true },
				fields: [id, { field: 'headline', type: 'string', schema: { default_value: 'Welcome' } }, { field: 'visits', type: 'integer', schema: {} }],
			} as never),
		);
		t.like(await client.request(readSingleton('home')), { headline: 'Welcome', visits: null });
		t.like(await client.request(updateSingleton('home', { visits: 1 })), { headline: 'Welcome', visits: 1 });
		t.like(await client.request(updateSingleton('home', { headline: 'Hello' }, { fields: ['headline', 'visits'] })), { headline: 'Hello', visits: 1 });
		t.deepEqual(await client.request(readItems('home' as never, { fields: ['headline'] } as never)), { headline: 'Hello' } as never);
	} finally {
		await server.stop();
	}
});

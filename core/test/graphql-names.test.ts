import { gql } from './helpers/graphql.js';
import { api } from './helpers/http.js';
import { startKernel } from './helpers/kernel.js';
import { createPageBlocks } from './helpers/many-to-any.js';
import { vendorTest } from './helpers/vendor-test.js';

async function ok(response: { status: number; body: any }, what: string) {
	if (response.status >= 300) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
	return response.body?.data;
}

const fieldsOf = async (url: string, type: string) =>
	(await gql(url, `{ __type(name: "${type}") { fields { name } } }`)).body.data.__type?.fields.map((field: any) => field.name).sort();

vendorTest('collections and fields whose names GraphQL does not allow are served under deterministic valid names', async (t, db) => {
	// Mantle's API refuses such names, but an existing database may well have them.
	await db.knex.schema.createTable('people-list', (table) => {
		table.increments('id');
		table.string('full name');
	});
	await db.knex.schema.createTable('blog-posts', (table) => {
		table.increments('id');
		for (const name of ['post title', '2nd line', 'título', 'a-b', 'a_b']) table.string(name);
		table.integer('views-count');
		table.dateTime('published on');
		table.integer('writer').unsigned().references('id').inTable('people-list');
	});
	const { url, stop } = await startKernel(db);
	try {
		const [ada, grace] = await ok(await api(url, 'POST', '/items/people-list', [{ 'full name': 'Ada' }, { 'full name': 'Grace' }]), 'people');
		await ok(
			await api(url, 'POST', '/items/blog-posts', [
				{
					'post title': 'One',
					'2nd line': 'first',
					título: 'Uno',
					'views-count': 5,
					'a-b': 'dash',
					a_b: 'under',
					'published on': '2024-03-01T10:00:00',
					writer: ada.id,
				},
				{
					'post title': 'Two',
					'2nd line': 'second',
					título: 'Dos',
					'views-count': 7,
					'a-b': 'dash2',
					a_b: 'under2',
					'published on': '2025-05-01T10:00:00',
					writer: grace.id,
				},
				{ 'post title': 'Three', 'views-count': 7, writer: ada.id },
			]),
			'posts',
		);

		t.deepEqual(await fieldsOf(url, 'blog_posts'), [
			'_2nd_line',
			'a_b',
			'a_b_2',
			'id',
			'post_title',
			'published_on',
			'published_on_func',
			'titulo',
			'views_count',
			'writer',
		]);
		t.deepEqual(await fieldsOf(url, 'people_list'), ['full_name', 'id']);

		const read = await gql(
			url,
			`{ blog_posts(filter: { views_count: { _eq: 7 }, writer: { full_name: { _eq: "Grace" } } }, sort: ["-views_count", "post_title"]) {
				post_title _2nd_line titulo views_count a_b a_b_2 published_on_func { year } writer { full_name }
			} }`,
		);
		t.falsy(read.body.errors, JSON.stringify(read.body.errors));
		t.deepEqual(read.body.data.blog_posts, [
			{
				post_title: 'Two',
				_2nd_line: 'second',
				titulo: 'Dos',
				views_count: 7,
				a_b: 'under2',
				a_b_2: 'dash2',
				published_on_func: { year: 2025 },
				writer: { full_name: 'Grace' },
			},
		]);
		const aliased = await gql(url, '{ blog_posts(sort: ["id"], limit: 1) { name: post_title by: writer { who: full_name } } }');
		t.deepEqual(aliased.body.data.blog_posts, [{ name: 'One', by: { who: 'Ada' } }]);

		const grouped = await gql(
			url,
			'{ blog_posts_aggregated(groupBy: ["views_count"], sort: ["views_count"]) { group count { post_title } sum { views_count } } }',
		);
		t.falsy(grouped.body.errors, JSON.stringify(grouped.body.errors));
		t.deepEqual(grouped.body.data.blog_posts_aggregated, [
			{ group: { views_count: 5 }, count: { post_title: 1 }, sum: { views_count: 5 } },
			{ group: { views_count: 7 }, count: { post_title: 2 }, sum: { views_count: 14 } },
		]);

		const created = await gql(
			url,
			'mutation { create_blog_posts_item(data: { post_title: "Four", a_b_2: "d", writer: { full_name: "Linus" } }) { id post_title a_b_2 writer { full_name } } }',
		);
		t.falsy(created.body.errors, JSON.stringify(created.body.errors));
		t.like(created.body.data.create_blog_posts_item, { post_title: 'Four', a_b_2: 'd', writer: { full_name: 'Linus' } });
		// A content version stores its changes under the data model's names; read back under GraphQL's.
		await ok(await api(url, 'PATCH', '/collections/blog-posts', { meta: { versioning: true } }), 'collection meta');
		const version = await ok(await api(url, 'POST', '/versions', { key: 'draft', collection: 'blog-posts', item: '1' }), 'version');
		await ok(await api(url, 'POST', `/versions/${version.id}/save`, { 'post title': 'Draft title', 'views-count': 9 }), 'save');
		const drafted = await gql(url, '{ blog_posts_by_version(id: 1, version: "draft") { post_title views_count titulo } }');
		t.falsy(drafted.body.errors, JSON.stringify(drafted.body.errors));
		t.deepEqual(drafted.body.data.blog_posts_by_version, { post_title: 'Draft title', views_count: 9, titulo: 'Uno' });

		const stored = await ok(
			await api(url, 'GET', `/items/blog-posts/${created.body.data.create_blog_posts_item.id}?fields=post title,a-b,writer.full name`),
			'stored',
		);
		t.deepEqual(stored, { 'post title': 'Four', 'a-b': 'd', writer: { 'full name': 'Linus' } });
	} finally {
		await stop();
	}
});

vendorTest(
	'many-to-any members whose collection or field names GraphQL renames are union members under those names, before and after the model changes',
	async (t, db) => {
		await db.knex.schema.createTable('quote-blocks', (table) => {
			table.increments('id');
			table.string('quote text');
		});
		await db.knex.schema.createTable('2024 headings', (table) => {
			table.increments('id');
			table.string('title');
		});
		const { url, stop } = await startKernel(db);
		try {
			await createPageBlocks(url, { headings: '2024 headings', quotes: 'quote-blocks', existingMembers: true });
			await ok(
				await api(url, 'POST', '/items/pages', {
					name: 'Home',
					blocks: [
						{ collection: '2024 headings', item: { title: 'Welcome' }, sort: 1 },
						{ collection: 'quote-blocks', item: { 'quote text': 'Less is more' }, sort: 2 },
					],
				}),
				'page',
			);
			const query =
				'{ pages { name blocks(sort: ["sort"]) { collection kind: collection item { __typename ... on _2024_headings { title } ... on quote_blocks { quote_text } } } } }';
			const expected = {
				pages: [
					{
						name: 'Home',
						blocks: [
							{ collection: '_2024_headings', kind: '_2024_headings', item: { __typename: '_2024_headings', title: 'Welcome' } },
							{ collection: 'quote_blocks', kind: 'quote_blocks', item: { __typename: 'quote_blocks', quote_text: 'Less is more' } },
						],
					},
				],
			};
			const union = async () => (await gql(url, '{ __type(name: "pages_blocks_item_union") { possibleTypes { name } } }')).body.data.__type;
			t.deepEqual(await union(), { possibleTypes: [{ name: '_2024_headings' }, { name: 'quote_blocks' }] });
			const read = await gql(url, query);
			t.falsy(read.body.errors, JSON.stringify(read.body.errors));
			t.deepEqual(read.body.data, expected);

			// The model changes after the schema was built: the union is built again, its members under the same names.
			await ok(await api(url, 'POST', '/fields/quote-blocks', { field: 'person', type: 'string' }), 'field');
			await ok(await api(url, 'PATCH', '/items/quote-blocks/1', { person: 'Mies' }), 'person');
			const again = await gql(url, query.replace('quote_text }', 'quote_text person }'));
			t.falsy(again.body.errors, JSON.stringify(again.body.errors));
			t.deepEqual(again.body.data.pages[0].blocks[1].item, { __typename: 'quote_blocks', quote_text: 'Less is more', person: 'Mies' });
			t.deepEqual(await union(), { possibleTypes: [{ name: '_2024_headings' }, { name: 'quote_blocks' }] });
		} finally {
			await stop();
		}
	},
);

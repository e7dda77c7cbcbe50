import type { ExecutionContext } from 'ava';
import { createCatalog, seedCatalog } from './helpers/catalog.js';
import { gql, keysAsStrings } from './helpers/graphql.js';
import { api } from './helpers/http.js';
import { startKernel } from './helpers/kernel.js';
import { vendorTest } from './helpers/vendor-test.js';

/** Asks GraphQL and REST the same question and expects the same rows (GraphQL's `ID`s as strings). */
async function same(t: ExecutionContext, url: string, query: string, rest: string, shape: (data: any) => unknown = (data) => data, keys = new Set(['id'])) {
	const [graphql, reference] = await Promise.all([gql(url, query), api(url, 'GET', rest)]);
	t.is(graphql.status, 200, JSON.stringify(graphql.body));
	t.falsy(graphql.body.errors, JSON.stringify(graphql.body.errors));
	t.is(reference.status, 200, JSON.stringify(reference.body));
	const field = Object.keys(graphql.body.data)[0]!;
	t.deepEqual(graphql.body.data[field], keysAsStrings(shape(reference.body.data), keys), query);
	return graphql.body.data[field];
}

vendorTest('GraphQL reads answer the same data as REST', async (t, db) => {
	const running = await startKernel(db);
	try {
		const { url } = running;
		await createCatalog(url);
		await seedCatalog(url);

		// Relational fields: M2O and M2M through the junction.
		const relational = await same(
			t,
			url,
			'{ articles(limit: 25, sort: ["id"]) { id title author { name } tags { tags_id { name } } } }',
			'/items/articles?fields=id,title,author.name,tags.tags_id.name&limit=25&sort=id',
		);
		t.true(relational.length > 0);
		// Filters through relations, both ways.
		await same(
			t,
			url,
			'{ articles(filter: { author: { name: { _eq: "Ada" } } }, sort: ["id"]) { id title } }',
			'/items/articles?fields=id,title&filter[author][name][_eq]=Ada&sort=id',
		);
		await same(
			t,
			url,
			'{ articles(filter: { tags: { tags_id: { name: { _eq: "travel" } } } }, sort: ["-views"]) { id views } }',
			'/items/articles?fields=id,views&filter[tags][tags_id][name][_eq]=travel&sort=-views',
		);
		await same(
			t,
			url,
			'{ authors(filter: { articles: { views: { _gt: 100 } } }, sort: ["name"]) { name } }',
			'/items/authors?fields=name&filter[articles][views][_gt]=100&sort=name',
		);
		// Search, offset and page.
		await same(t, url, '{ articles(search: "hello", sort: ["id"]) { id } }', '/items/articles?fields=id&search=hello&sort=id');
		await same(t, url, '{ articles(sort: ["id"], limit: 2, page: 2) { id } }', '/items/articles?fields=id&sort=id&limit=2&page=2');
		await same(t, url, '{ articles(sort: ["id"], limit: 3, offset: 4) { id } }', '/items/articles?fields=id&sort=id&limit=3&offset=4');
		// Nested relations with their own arguments (REST `deep`), and an alias with different ones.
		await same(
			t,
			url,
			'{ authors(sort: ["id"]) { name articles(sort: ["-views"], limit: 1, filter: { status: { _eq: "published" } }) { title views } } }',
			'/items/authors?fields=name,articles.title,articles.views&sort=id&deep[articles][_sort]=-views&deep[articles][_limit]=1&deep[articles][_filter][status][_eq]=published',
		);
		const aliased = await gql(
			url,
			'{ authors(sort: ["id"], limit: 1) { first: articles(sort: ["id"], limit: 1) { id } last: articles(sort: ["-id"], limit: 1) { id } } }',
		);
		t.deepEqual(aliased.body.data.authors, [{ first: [{ id: '1' }], last: [{ id: '2' }] }]);
		// Functions: date parts and counts of relational fields.
		await same(
			t,
			url,
			'{ articles(sort: ["id"]) { id published_on_func { year month day hour } tags_func { count } } }',
			'/items/articles?fields=id,year(published_on),month(published_on),day(published_on),hour(published_on),count(tags)&sort=id',
			(rows: any[]) =>
				rows.map((row) => ({
					id: row.id,
					published_on_func: { year: row.published_on_year, month: row.published_on_month, day: row.published_on_day, hour: row.published_on_hour },
					tags_func: { count: row.tags_count },
				})),
		);
		await same(
			t,
			url,
			'{ articles(filter: { published_on_func: { year: { _eq: 2024 } } }, sort: ["id"]) { id } }',
			'/items/articles?fields=id&filter[year(published_on)][_eq]=2024&sort=id',
		);
		// Aggregates with groupBy.
		await same(
			t,
			url,
			'{ articles_aggregated(groupBy: ["author"], sort: ["author"]) { group count { id } sum { views } avg { views } max { views } } }',
			'/items/articles?aggregate[count]=id&aggregate[sum]=views&aggregate[avg]=views&aggregate[max]=views&groupBy[]=author&sort=author',
			(rows: any[]) => rows.map(({ author, ...measures }) => ({ group: { author }, ...measures })),
			new Set(),
		);
		await same(
			t,
			url,
			'{ articles_aggregated(filter: { status: { _eq: "published" } }) { countAll } }',
			'/items/articles?aggregate[countAll]=*&filter[status][_eq]=published',
		);
		// One item by key, and GET with the query in the URL.
		await same(t, url, '{ articles_by_id(id: 4) { id title author { name } } }', '/items/articles/4?fields=id,title,author.name');
		const viaGet = await gql(url, 'query Top($n: Int) { articles(sort: ["-views"], limit: $n) { id } }', { method: 'GET', variables: { n: 2 } });
		t.deepEqual(viaGet.body, { data: { articles: [{ id: '4' }, { id: '6' }] } });
	} finally {
		await running.stop();
	}
});

vendorTest('every GraphQL mutation writes what the REST write would', async (t, db) => {
	const running = await startKernel(db);
	try {
		const { url } = running;
		await createCatalog(url);
		await seedCatalog(url);
		const rest = async (path: string) => keysAsStrings((await api(url, 'GET', path)).body.data);
		const run = async (query: string, variables?: Record<string, unknown>) => {
			const response = await gql(url, query, { variables });
			t.is(response.status, 200, JSON.stringify(response.body));
			t.falsy(response.body.errors, JSON.stringify(response.body.errors));
			return response.body.data;
		};

		const one = await run(
			'mutation { create_articles_item(data: { title: "Nested", views: 7, author: { name: "Eve" }, tags: [{ tags_id: { id: 2 } }, { tags_id: { name: "fresh" } }] }) { id title author { name } tags { tags_id { name } } } }',
		);
		const created = one.create_articles_item;
		t.deepEqual(created, await rest(`/items/articles/${created.id}?fields=id,title,author.name,tags.tags_id.name`));
		t.deepEqual(created.tags.map((tag: any) => tag.tags_id.name).sort(), ['fresh', 'science']);

		const many = await run('mutation($data: [create_articles_input!]) { create_articles_items(data: $data, sort: ["title"]) { id title } }', {
			data: [{ title: 'Bulk B' }, { title: 'Bulk A' }],
		});
		t.deepEqual(
			many.create_articles_items.map((item: any) => item.title),
			['Bulk A', 'Bulk B'],
		);
		const [first, second] = many.create_articles_items.map((item: any) => item.id);

		const updated = await run(`mutation { update_articles_item(id: ${created.id}, data: { views: 8 }) { id views } }`);
		t.deepEqual(updated.update_articles_item, await rest(`/items/articles/${created.id}?fields=id,views`));
		t.is(updated.update_articles_item.views, 8);

		const updatedMany = await run(`mutation { update_articles_items(ids: [${first}, ${second}], data: { status: "archived" }, sort: ["id"]) { id status } }`);
		t.deepEqual(updatedMany.update_articles_items, await rest(`/items/articles?fields=id,status&filter[id][_in]=${first},${second}&sort=id`));
		t.true(updatedMany.update_articles_items.every((item: any) => item.status === 'archived'));

		const batch = await run(`mutation { update_articles_batch(data: [{ id: ${first}, views: 1 }, { id: ${second}, views: 2 }], sort: ["id"]) { id views } }`);
		t.deepEqual(batch.update_articles_batch, await rest(`/items/articles?fields=id,views&filter[id][_in]=${first},${second}&sort=id`));
		t.deepEqual(Object.fromEntries(batch.update_articles_batch.map((item: any) => [item.id, item.views])), { [first]: 1, [second]: 2 });

		const deleted = await run(`mutation { delete_articles_item(id: ${created.id}) { id } }`);
		t.is(deleted.delete_articles_item.id, created.id);
		t.is((await api(url, 'GET', `/items/articles/${created.id}`)).status, 403);

		const deletedMany = await run(`mutation { delete_articles_items(ids: [${first}, ${second}]) { ids } }`);
		t.deepEqual(deletedMany.delete_articles_items.ids.map(String).sort(), [String(first), String(second)].sort());
		t.deepEqual((await api(url, 'GET', `/items/articles?filter[id][_in]=${first},${second}`)).body.data, []);

		// A failed write answers the code REST would, and leaves nothing behind.
		const duplicate = await gql(url, 'mutation { create_tags_item(data: { name: "news" }) { id } }');
		t.is(duplicate.body.errors?.[0]?.extensions?.code, 'RECORD_NOT_UNIQUE');
		t.is((await api(url, 'GET', '/items/tags?filter[name][_eq]=news&aggregate[count]=*')).body.data[0].count, 1);
	} finally {
		await running.stop();
	}
});

import { createCatalog, seedCatalog } from './helpers/catalog.js';
import { gql } from './helpers/graphql.js';
import { api } from './helpers/http.js';
import { startKernel } from './helpers/kernel.js';
import { vendorTest } from './helpers/vendor-test.js';

/** The raw answer, so a repeated document is held to the very same bytes. */
async function raw(url: string, query: string, options: { variables?: Record<string, unknown>; method?: 'GET' | 'POST' } = {}) {
	const response = await gql(url, query, options);
	return { status: response.status, text: JSON.stringify(response.body) };
}

vendorTest('a document sent again is answered exactly as the first time, errors included', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		await createCatalog(url);
		await seedCatalog(url);
		const query = '{ articles(sort: ["id"], limit: 5) { id title author { name } tags { tags_id { name } } } }';
		for (const method of ['POST', 'GET'] as const) {
			const first = await raw(url, query, { method });
			t.is(first.status, 200);
			for (let i = 0; i < 3; i++) t.deepEqual(await raw(url, query, { method }), first, `${method} #${i + 2}`);
		}

		// Each shape, once known, is answered as Apollo answers the same document sent fresh (a trailing space makes it new).
		const shapes = [
			'{ a: articles(limit: 2, sort: ["-id"]) { __typename key: id title by: author { name } } }',
			'query { articles(limit: 2) { ...f } } fragment f on articles { id title }',
			'{ articles(limit: 3, sort: ["id"]) { id published_on_func { year month } tags_func { count } } }',
			'{ articles_aggregated(groupBy: ["status"], sort: ["status"]) { group countAll sum { views } } }',
			'{ authors(limit: 2, sort: ["id"]) { name articles(limit: 1, sort: ["-title"]) { title tags { tags_id { name } } } } }',
			'query ($all: Boolean!) { articles(limit: 2, sort: ["id"]) { id title @include(if: $all) } }',
			'{ articles(filter: { author: { name: { _eq: "nobody" } } }) { id } tags(limit: 1) { name } }',
		];
		for (const shape of shapes) {
			const variables = shape.includes('$all') ? { all: true } : undefined;
			const first = await raw(url, shape, { variables });
			t.is(first.status, 200, `${shape}: ${first.text}`);
			for (let i = 0; i < 2; i++) t.deepEqual(await raw(url, shape, { variables }), first, shape);
			t.deepEqual(await raw(url, `${shape} `, { variables }), first, shape);
		}

		const byId = 'query ($id: ID!) { articles_by_id(id: $id) { id title } }';
		const existing = (await api(url, 'GET', '/items/articles?fields=id&limit=1')).body.data[0].id;
		const found = await raw(url, byId, { variables: { id: existing } });
		t.true(found.text.includes('"title"'));
		// Known now; an id that does not exist is the same FORBIDDEN a fresh document answers.
		const missing = await raw(url, byId, { variables: { id: 999999 } });
		const fresh = await raw(url, 'query ($id: ID!) { articles_by_id(id: $id) { id title } } ', { variables: { id: 999999 } });
		t.deepEqual(missing, fresh);
		t.true(missing.text.includes('"FORBIDDEN"'));
		const badVariable = await raw(url, byId, { variables: { id: { nested: true } } });
		t.is(badVariable.status, 400);
		t.deepEqual(await raw(url, byId, { variables: { id: existing } }), found);

		// Writes are never answered from what a document did before: each runs.
		const create = 'mutation { create_tags_item(data: { name: "again" }) { name } }';
		const before = (await api(url, 'GET', '/items/tags?aggregate[count]=*')).body.data[0].count;
		t.is((await raw(url, create)).status, 200);
		t.true((await raw(url, create)).text.includes('RECORD_NOT_UNIQUE'), 'the second write runs, and meets the unique name');
		t.is((await api(url, 'GET', '/items/tags?aggregate[count]=*')).body.data[0].count, before + 1);

		// A permission change makes another schema: the document is answered from the new one.
		await api(url, 'POST', '/collections', { collection: 'notes', schema: {}, meta: {}, fields: [{ field: 'text', type: 'string' }] });
		await api(url, 'POST', '/items/notes', { text: 'hello' });
		const notes = '{ notes { text } }';
		t.is((await raw(url, notes)).text, '{"data":{"notes":[{"text":"hello"}]}}');
		await api(url, 'POST', '/fields/notes', { field: 'mood', type: 'string' });
		await api(url, 'PATCH', '/items/notes/1', { mood: 'fine' });
		t.is((await raw(url, notes)).text, '{"data":{"notes":[{"text":"hello"}]}}');
		t.is((await raw(url, '{ notes { text mood } }')).text, '{"data":{"notes":[{"text":"hello","mood":"fine"}]}}');
	} finally {
		await stop();
	}
});

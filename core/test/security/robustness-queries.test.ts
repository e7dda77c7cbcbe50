import { vendorTest } from '../helpers/vendor-test.js';
import { withCatalogKernel } from '../helpers/catalog-kernel.js';
import type { TestDatabase } from '../helpers/databases.js';
import { adminToken } from '../helpers/kernel.js';
import { api, errorCode, type ApiResponse } from '../helpers/http.js';
import { articles } from '../helpers/catalog.js';
import { addRestrictedUser, catalogueChecksum, restrictedToken } from './robustness-fixture.js';

/**
 * Finding 8 (and 12) of the security review, replayed by a restricted user: input that used to
 * answer 500, stall or stack-overflow the server is refused with 400 and the API's error shape.
 */

/** A query as the JSON body of a SEARCH request: the way to send one too long for a URL. */
function search(url: string, collection: string, query: unknown, token: string | null): Promise<ApiResponse> {
	return api(url, 'SEARCH', `/items/${collection}`, { query }, token);
}

function expectInvalidQuery(t: import('ava').ExecutionContext, response: ApiResponse, what: string, message?: RegExp): void {
	t.is(response.status, 400, `${what}: ${JSON.stringify(response.body).slice(0, 300)}`);
	t.is(errorCode(response), 'INVALID_QUERY', what);
	if (message) t.regex(response.body.errors[0].message, message, what);
}

/** A kernel on `db` with the catalogue seeded and the restricted user added, stopped after `body`. */
function withSeededKernel(db: TestDatabase, body: (url: string) => Promise<void>): Promise<void> {
	return withCatalogKernel(db, async (url) => {
		await addRestrictedUser(db.knex);
		await body(url);
	});
}

const publishedIds = articles
	.filter((article) => article.status === 'published')
	.map((article) => article.id)
	.sort((a, b) => a - b);

vendorTest('oversized, overdeep and mistyped filters answer 400 INVALID_QUERY while the server keeps answering', (t, db) =>
	withSeededKernel(db, async (url) => {
		const branches = { _or: Array.from({ length: 10_000 }, (_, i) => ({ id: { _eq: i } })) };
		expectInvalidQuery(t, await search(url, 'articles', { filter: branches }, restrictedToken), '10,000 _or branches', /QUERY_FILTER_MAX_NODES/);

		// Written out by hand: JSON.stringify itself runs out of stack on a value this deep.
		const deep = `{"query":{"filter":${'{"_and":['.repeat(3000)}{"id":{"_eq":1}}${']}'.repeat(3000)}}}`;
		const deepResponse = await fetch(`${url}/items/articles`, {
			method: 'SEARCH',
			headers: { authorization: `Bearer ${restrictedToken}`, 'content-type': 'application/json' },
			body: deep,
		});
		expectInvalidQuery(t, { status: deepResponse.status, body: await deepResponse.json() }, 'a filter 3,000 deep', /deeper than/);
		t.is((await fetch(`${url}/server/ping`)).status, 200);

		expectInvalidQuery(
			t,
			await api(url, 'GET', `/items/articles?filter[published_on][_gt]=${encodeURIComponent('$NOW(99999999 year)')}`, undefined, restrictedToken),
			'$NOW(99999999 year)',
		);
		expectInvalidQuery(
			t,
			await api(url, 'GET', '/items/articles?filter[views][_contains]=1', undefined, restrictedToken),
			'_contains on an integer',
			/"_contains".*integer/,
		);
		expectInvalidQuery(t, await api(url, 'GET', '/items/articles?filter[featured][_gt]=1', undefined, restrictedToken), '_gt on a boolean', /"_gt".*boolean/);
		expectInvalidQuery(t, await api(url, 'GET', '/items/articles?filter[id][_eq]=99999999999999999999', undefined, restrictedToken), 'an integer out of range');
		expectInvalidQuery(t, await api(url, 'GET', '/items/articles?filter[id][_eq]=1.5', undefined, restrictedToken), 'a fraction for an integer');
		expectInvalidQuery(t, await api(url, 'GET', '/items/authors?filter[name][_eq]=a%00b', undefined, restrictedToken), 'a NUL character');
		expectInvalidQuery(t, await api(url, 'GET', '/items/articles?filter[__proto__][x]=1', undefined, restrictedToken), 'a __proto__ key');

		const filter = { views: { _gt: 10, _lt: 200 } };
		const fine = await search(url, 'articles', { filter, fields: ['id'], sort: ['id'] }, restrictedToken);
		t.deepEqual(
			fine.body.data.map((row: { id: number }) => row.id),
			articles.filter((a) => a.status === 'published' && a.views > 10 && a.views < 200).map((a) => a.id),
		);
	}),
);

vendorTest('_in lists of 33,000 keys or titles are answered correctly, and a longer-than-URL query is refused in the error shape', (t, db) =>
	withSeededKernel(db, async (url) => {
		const keys = Array.from({ length: 33_000 }, (_, i) => i + 1);
		const inList = await search(url, 'articles', { filter: { id: { _in: keys } }, fields: ['id'], sort: ['id'], limit: -1 }, restrictedToken);
		t.is(inList.status, 200, JSON.stringify(inList.body).slice(0, 300));
		t.deepEqual(
			inList.body.data.map((row: { id: number }) => row.id),
			publishedIds,
		);
		const notIn = await search(url, 'articles', { filter: { id: { _nin: keys.map((key) => key + 2) } }, fields: ['id'], sort: ['id'] }, adminToken);
		t.deepEqual(
			notIn.body.data.map((row: { id: number }) => row.id),
			[1, 2],
		);
		const titles = [...Array.from({ length: 33_000 }, (_, i) => `title ${i}`), 'Hello World', 'Science weekly'];
		const textList = await search(url, 'articles', { filter: { title: { _in: titles } }, fields: ['id'], sort: ['id'] }, restrictedToken);
		t.is(textList.status, 200, JSON.stringify(textList.body).slice(0, 300));
		t.deepEqual(
			textList.body.data.map((row: { id: number }) => row.id),
			[1, 6],
		);
		const textNotIn = await search(url, 'articles', { filter: { title: { _nin: titles } }, fields: ['id'], sort: ['id'] }, adminToken);
		t.deepEqual(
			textNotIn.body.data.map((row: { id: number }) => row.id),
			[2, 3, 4, 5, 7, 8],
		);

		const longUrl = await fetch(`${url}/items/articles?filter=${encodeURIComponent(JSON.stringify({ id: { _in: keys.slice(0, 5000) } }))}`, {
			headers: { authorization: `Bearer ${restrictedToken}` },
		});
		t.true(longUrl.status === 400 || longUrl.status === 414, `status ${longUrl.status}`);
		const body = (await longUrl.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
		t.is(body.errors[0]!.extensions.code, 'INVALID_QUERY');
		t.regex(body.errors[0]!.message, /16 KB/);
	}),
);

vendorTest('query keys named like Object builtins are read as keys: unknown fields are 403, aliases work, nothing leaks Object text', (t, db) =>
	withSeededKernel(db, async (url) => {
		for (const name of ['constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
			const asField = await api(url, 'GET', `/items/articles?fields=${name}`, undefined, restrictedToken);
			t.is(asField.status, 403, `fields=${name}`);
			t.is(errorCode(asField), 'FORBIDDEN');
			t.notRegex(JSON.stringify(asField.body), /native code|function/);
			const asFilter = await api(url, 'GET', `/items/articles?filter[${name}][_eq]=1`, undefined, restrictedToken);
			t.is(asFilter.status, 403, `filter[${name}] is read, not dropped`);
		}
		const aliased = await api(url, 'GET', '/items/articles?fields=id,constructor&alias[constructor]=title&filter[id][_eq]=1', undefined, restrictedToken);
		t.is(aliased.status, 200, JSON.stringify(aliased.body));
		t.deepEqual(aliased.body.data, [{ id: 1, constructor: 'Hello World' }]);
	}),
);

vendorTest('writes with malformed payloads answer 400 and change nothing', (t, db) =>
	withSeededKernel(db, async (url) => {
		const before = await catalogueChecksum(db.knex);
		for (const [method, path, payload] of [
			['PATCH', '/items/articles', [null]],
			['PATCH', '/items/articles', [1, 'x']],
			['POST', '/items/articles', [null]],
			['POST', '/items/articles', 'text'],
			['PATCH', '/items/articles/1', null],
			['POST', '/items/articles', { title: 'a\u0000b' }],
			['POST', '/items/articles', JSON.parse('{"__proto__": {"admin": true}, "title": "x"}')],
		] as const) {
			for (const token of [restrictedToken, adminToken]) {
				const response = await api(url, method, path, payload, token);
				t.true(response.status >= 400 && response.status < 500, `${method} ${path} ${JSON.stringify(payload)}: ${response.status}`);
				t.truthy(errorCode(response), 'in the error shape');
			}
		}
		t.is(await catalogueChecksum(db.knex), before);
	}),
);

import type { ExecutionContext } from 'ava';
import { vendorTest } from '../helpers/vendor-test.js';
import { startKernel } from '../helpers/kernel.js';
import { api, type ApiResponse } from '../helpers/http.js';
import { articles, createCatalog, seedCatalog } from '../helpers/catalog.js';
import { q, restrictedUser } from './authz-fixture.js';

/**
 * The permission-leak matrix of #11: one role with field and row rules over authors, articles and
 * tags (M2M through articles_tags). Every hidden value is marked `SECRET` (or is a field whose key
 * must never carry a value); every read path is tried for every hidden field and row, and every
 * write path for every forbidden field and row, with the database compared before and after.
 */

const hiddenArticles = articles.filter((a) => a.status !== 'published').map((a) => a.id); // 3, 4, 7
const visibleArticles = articles.filter((a) => a.status === 'published').map((a) => a.id);
const hiddenArticleFields = ['body', 'views', 'rating', 'featured', 'published_on', 'status'];
const hiddenAuthors = [1, 3]; // not from the US
const hiddenAuthorFields = ['country'];
const hiddenTags = [3];
/** Keys that must never come back with a value, wherever they appear. */
const neverShown = new Set(['body', 'views', 'rating', 'featured', 'published_on', 'country']);

async function setUp(url: string, db: { knex: any }) {
	await createCatalog(url);
	await seedCatalog(url);
	// Mark what the role may not see, as the admin, so any leak is visible as text.
	for (const id of hiddenArticles) await api(url, 'PATCH', `/items/articles/${id}`, { title: `SECRET-TITLE-${id}` });
	for (const a of articles) await api(url, 'PATCH', `/items/articles/${a.id}`, { body: `SECRET-BODY-${a.id}` });
	for (const id of hiddenAuthors) await api(url, 'PATCH', `/items/authors/${id}`, { name: `SECRET-AUTHOR-${id}` });
	for (const id of hiddenTags) await api(url, 'PATCH', `/items/tags/${id}`, { name: `SECRET-TAG-${id}` });
	return restrictedUser(url, db, {
		app: true,
		policies: [
			[
				{ collection: 'articles', action: 'read', fields: 'id,title,author,tags', permissions: { status: { _eq: 'published' } } },
				{ collection: 'articles', action: 'create', fields: 'title,author,tags' },
				{ collection: 'articles', action: 'update', fields: 'title,tags', permissions: { status: { _eq: 'published' } } },
				{ collection: 'authors', action: 'read', fields: 'id,name,articles', permissions: { country: { _eq: 'US' } } },
				{ collection: 'authors', action: 'update', fields: 'articles', permissions: { country: { _eq: 'US' } } },
				{ collection: 'tags', action: 'read', fields: 'id,name', permissions: { id: { _neq: 3 } } },
				{ collection: 'articles_tags', action: 'read', fields: '*' },
				{ collection: 'articles_tags', action: 'create', fields: '*' },
				{ collection: 'directus_revisions', action: 'read', fields: '*' },
				{ collection: 'directus_activity', action: 'read', fields: '*' },
			],
		],
	});
}

/** Nothing hidden in a response: no marked value, no value under a hidden key, and never a 500. */
function assertNoLeak(t: ExecutionContext, label: string, response: ApiResponse, token: string) {
	t.true(response.status < 500, `${label} → ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
	const text = JSON.stringify(response.body ?? null);
	t.false(text.includes('SECRET'), `${label} leaks: ${text.slice(0, 300)}`);
	t.false(text.includes(token), `${label} leaks the caller's token`);
	const shown: string[] = [];
	const walk = (value: unknown) => {
		if (Array.isArray(value)) value.forEach(walk);
		else if (value && typeof value === 'object') {
			for (const [key, child] of Object.entries(value)) {
				if (neverShown.has(key) && child !== null) shown.push(key);
				walk(child);
			}
		}
	};
	walk(response.body?.data);
	t.deepEqual(shown, [], `${label} shows hidden fields`);
}

async function snapshot(db: { knex: any }) {
	return {
		articles: await db.knex('articles').orderBy('id').select('id', 'title', 'body', 'status', 'views', 'author'),
		authors: await db.knex('authors').orderBy('id').select('*'),
		tags: await db.knex('tags').orderBy('id').select('*'),
		links: await db.knex('articles_tags').orderBy('id').select('articles_id', 'tags_id'),
	};
}

/** Read paths that must be refused outright: naming a hidden field anywhere a field can be named. */
function refusedReads(): string[] {
	const paths: string[] = [];
	for (const field of hiddenArticleFields) {
		paths.push(
			`/items/articles?fields=${field}`,
			`/items/articles?filter=${q({ [field]: { _nnull: true } })}`,
			`/items/articles?sort=${field}`,
			`/items/articles?aggregate[max]=${field}`,
			`/items/articles?aggregate[count]=*&groupBy=${field}`,
			`/items/articles?alias[x]=${field}&fields=x`,
			`/items/authors?fields=articles.${field}`,
			`/items/authors?filter=${q({ articles: { [field]: { _nnull: true } } })}`,
			`/items/authors?fields=articles.id&deep=${q({ articles: { _filter: { [field]: { _nnull: true } } } })}`,
			`/items/authors?fields=articles.id&deep=${q({ articles: { _sort: [field] } })}`,
			`/items/articles?fields=id,tags.articles_id.${field}`,
			`/items/articles?export=json&fields=${field}`,
		);
	}
	for (const field of hiddenAuthorFields) {
		paths.push(
			`/items/authors?fields=${field}`,
			`/items/articles?fields=author.${field}`,
			`/items/articles?filter=${q({ author: { [field]: { _eq: 'UK' } } })}`,
			`/items/articles?sort=author.${field}`,
			`/items/authors?aggregate[count]=*&groupBy=${field}`,
		);
	}
	return paths;
}

/** Read paths that answer, but must show no hidden row: filters aimed at them find nothing. */
function emptyReads(): string[] {
	const paths: string[] = [];
	for (const id of hiddenArticles) {
		paths.push(
			`/items/articles?filter=${q({ id: { _eq: id } })}`,
			`/items/articles?filter=${q({ title: { _eq: `SECRET-TITLE-${id}` } })}`,
			`/items/articles?search=SECRET-TITLE-${id}`,
			`/items/authors?filter=${q({ articles: { id: { _eq: id } } })}&fields=id`,
			`/items/articles_tags?filter=${q({ articles_id: { title: { _eq: `SECRET-TITLE-${id}` } } })}&fields=id`,
		);
	}
	for (const id of hiddenAuthors) {
		paths.push(
			`/items/authors?filter=${q({ id: { _eq: id } })}`,
			`/items/articles?filter=${q({ author: { name: { _eq: `SECRET-AUTHOR-${id}` } } })}&fields=id`,
		);
	}
	for (const id of hiddenTags) {
		paths.push(
			`/items/tags?filter=${q({ id: { _eq: id } })}`,
			`/items/articles?filter=${q({ tags: { tags_id: { name: { _eq: `SECRET-TAG-${id}` } } } })}&fields=id`,
		);
	}
	return paths;
}

/** Read paths that answer with data: the visible part, with nothing hidden inside. */
const answeringReads = [
	'/items/articles',
	'/items/articles?fields=*.*',
	'/items/articles?fields=*.*.*',
	'/items/articles?fields=*,author.*,author.articles.*,tags.tags_id.*',
	'/items/authors?fields=*,articles.*,articles.tags.tags_id.*',
	'/items/tags?fields=*',
	'/items/articles_tags?fields=*,articles_id.*,tags_id.*',
	`/items/articles/${visibleArticles[0]}?fields=*.*.*`,
	'/items/articles?search=SECRET',
	'/items/articles?search=hello&meta=*',
	'/items/articles?aggregate[count]=*',
	'/items/articles?aggregate[countDistinct]=author&groupBy=author',
	'/items/authors?aggregate[count]=*',
	`/items/articles?fields=id,tags.tags_id.name&deep=${q({ tags: { _filter: { tags_id: { id: { _in: [1, 2, 3] } } } } })}`,
	'/items/articles?alias[heading]=title&fields=heading,id',
	'/items/articles?meta=*',
	'/items/articles?export=json&fields=*.*',
	'/items/articles?export=csv&fields=*',
	'/revisions?fields=*&limit=-1',
	'/revisions?fields=*,activity.*&limit=-1',
	'/activity?fields=*&limit=-1',
	'/users/me',
	'/users/me?fields=*',
	'/fields',
	'/fields/articles',
	'/collections',
	'/relations',
];

vendorTest('leak matrix: no read path returns a hidden field or row', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		const { token } = await setUp(url, db);
		for (const path of refusedReads()) {
			const response = await api(url, 'GET', path, undefined, token);
			t.true(response.status === 403 || response.status === 400, `${path} → ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
			assertNoLeak(t, path, response, token);
		}
		for (const path of emptyReads()) {
			const response = await api(url, 'GET', path, undefined, token);
			t.is(response.status, 200, `${path} → ${JSON.stringify(response.body).slice(0, 200)}`);
			t.deepEqual(response.body.data, [], path);
		}
		for (const id of hiddenArticles) t.is((await api(url, 'GET', `/items/articles/${id}`, undefined, token)).status, 403);
		for (const path of answeringReads) {
			const response = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
			const text = await response.text();
			const body = response.headers.get('content-type')?.includes('json') ? JSON.parse(text || 'null') : { data: text };
			assertNoLeak(t, path, { status: response.status, body }, token);
			t.is(response.status, 200, `${path} → ${text.slice(0, 200)}`);
		}
		const list = await api(url, 'GET', '/items/articles?fields=id&sort=id&limit=-1', undefined, token);
		t.deepEqual(
			list.body.data.map((a: { id: number }) => a.id),
			visibleArticles,
			'exactly the published articles',
		);
		const meta = await api(url, 'GET', `/items/articles?meta=*&filter=${q({ title: { _contains: 'SECRET' } })}`, undefined, token);
		t.deepEqual(meta.body.meta, { total_count: visibleArticles.length, filter_count: 0 });
	} finally {
		await stop();
	}
});

/** A write and whether it must be refused, or may answer but change nothing the role may not change. */
interface WriteCase {
	label: string;
	method: string;
	path: string;
	body: unknown;
	outcome?: 'refused' | 'unchanged';
}

function writeCases(): WriteCase[] {
	const cases: WriteCase[] = [];
	for (const field of hiddenArticleFields) {
		cases.push(
			{ label: `create with ${field}`, method: 'POST', path: '/items/articles', body: { title: 'new', [field]: null } },
			{ label: `update ${field}`, method: 'PATCH', path: `/items/articles/${visibleArticles[0]}`, body: { [field]: null } },
			{ label: `batch update ${field}`, method: 'PATCH', path: '/items/articles', body: [{ id: visibleArticles[0], [field]: null }] },
			{ label: `nested (depth 2) ${field}`, method: 'PATCH', path: '/items/authors/4', body: { articles: { update: [{ id: 6, [field]: null }] } } },
			{ label: `import with ${field}`, method: 'POST', path: '/utils/import/articles', body: [{ title: 'imported', [field]: null }] },
		);
	}
	for (const id of hiddenArticles) {
		cases.push(
			{ label: `update hidden row ${id}`, method: 'PATCH', path: `/items/articles/${id}`, body: { title: 'x' } },
			{ label: `update keys with hidden ${id}`, method: 'PATCH', path: '/items/articles', body: { keys: [visibleArticles[0], id], data: { title: 'x' } } },
			{
				label: `batch with hidden ${id}`,
				method: 'PATCH',
				path: '/items/articles',
				body: [
					{ id: visibleArticles[0], title: 'x' },
					{ id, title: 'y' },
				],
			},
			{
				label: `update by query for hidden ${id}`,
				method: 'PATCH',
				path: '/items/articles',
				body: { query: { filter: { id: { _eq: id } } }, data: { title: 'x' } },
				outcome: 'unchanged',
			},
			{ label: `delete hidden ${id}`, method: 'DELETE', path: `/items/articles/${id}`, body: undefined },
			{ label: `delete by query for hidden ${id}`, method: 'DELETE', path: '/items/articles', body: { query: { filter: { id: { _eq: id } } } } },
			{ label: `nested (depth 1) link hidden ${id}`, method: 'PATCH', path: '/items/authors/4', body: { articles: [6, 8, id] } },
			{ label: `nested (depth 2) update hidden ${id}`, method: 'PATCH', path: '/items/authors/2', body: { articles: { update: [{ id, title: 'x' }] } } },
			{ label: `import over hidden ${id}`, method: 'POST', path: '/utils/import/articles', body: [{ id, title: 'x' }] },
		);
	}
	for (const id of hiddenAuthors) {
		cases.push(
			{ label: `nested (depth 1) update hidden author ${id}`, method: 'POST', path: '/items/articles', body: { title: 'new', author: { id, name: 'x' } } },
			{ label: `update hidden author ${id}`, method: 'PATCH', path: `/items/authors/${id}`, body: { articles: [] } },
		);
	}
	for (const id of hiddenTags) {
		cases.push({
			label: `nested (depth 2) update hidden tag ${id}`,
			method: 'POST',
			path: '/items/articles',
			body: { title: 'new', tags: [{ tags_id: { id, name: 'x' } }] },
		});
	}
	cases.push(
		{ label: 'create an author', method: 'POST', path: '/items/authors', body: { name: 'new' } },
		{ label: 'delete a visible article', method: 'DELETE', path: `/items/articles/${visibleArticles[0]}`, body: undefined },
		{ label: 'nested (depth 1) create author', method: 'POST', path: '/items/articles', body: { title: 'new', author: { name: 'new' } } },
		{ label: 'nested (depth 2) create tag', method: 'POST', path: '/items/articles', body: { title: 'new', tags: [{ tags_id: { name: 'new' } }] } },
		{
			label: 'nested (depth 3) create tag',
			method: 'PATCH',
			path: '/items/authors/4',
			body: { articles: { update: [{ id: 6, tags: { create: [{ tags_id: { name: 'new' } }] } }] } },
		},
		{
			label: 'nested (depth 3) rename tag',
			method: 'PATCH',
			path: '/items/authors/4',
			body: { articles: { update: [{ id: 8, tags: { create: [{ tags_id: { id: 1, name: 'renamed' } }] } }] } },
		},
		{ label: 'nested unlink from a visible author (update of hidden link)', method: 'PATCH', path: '/items/authors/4', body: { articles: [6] } },
	);
	return cases;
}

vendorTest('leak matrix: no write path writes a forbidden field or row, and a refused one writes nothing', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		const { token } = await setUp(url, db);
		const before = await snapshot(db);
		for (const write of writeCases()) {
			const response = await api(url, write.method, write.path, write.body, token);
			if (write.outcome === 'unchanged') t.true(response.status < 500, `${write.label} → ${response.status}`);
			else t.true(response.status === 403 || response.status === 400, `${write.label} → ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
			assertNoLeak(t, write.label, response, token);
			t.deepEqual(await snapshot(db), before, `${write.label} changed the database`);
		}
		// The same role can still do what it may: the matrix refuses for the right reason.
		const allowed = await api(url, 'PATCH', `/items/articles/${visibleArticles[0]}?fields=title`, { title: 'allowed' }, token);
		t.deepEqual(allowed.body.data, { title: 'allowed' });
	} finally {
		await stop();
	}
});

import { createCatalog } from './helpers/catalog.js';
import { gql } from './helpers/graphql.js';
import { api } from './helpers/http.js';
import { startKernel } from './helpers/kernel.js';
import { vendorTest } from './helpers/vendor-test.js';

const readerToken = 'graphql-version-reader-token-0123456789';
const code = (response: { body: any }) => response.body?.errors?.[0]?.extensions?.code;

async function ok(response: { status: number; body: any }, what: string) {
	if (response.status >= 300) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
	return response.body.data;
}

/** The catalog, its articles and authors with content versioning turned on (as Directus, versions exist only there). */
async function versionedCatalog(url: string) {
	await createCatalog(url);
	for (const collection of ['articles', 'authors']) await ok(await api(url, 'PATCH', `/collections/${collection}`, { meta: { versioning: true } }), collection);
}

/** The catalog with one article titled "Main title" and its version "draft", which retitles it. */
async function draftedArticle(url: string, draftTitle: string) {
	await versionedCatalog(url);
	const article = await ok(await api(url, 'POST', '/items/articles', { title: 'Main title' }), 'article');
	const version = await ok(await api(url, 'POST', '/versions', { key: 'draft', collection: 'articles', item: article.id }), 'version');
	await ok(await api(url, 'POST', `/versions/${version.id}/save`, { title: draftTitle }), 'save');
	return { article, version };
}

vendorTest('<collection>_by_version answers the item as a saved content version has it, the main item untouched', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		await versionedCatalog(url);
		const [ada, grace] = await ok(await api(url, 'POST', '/items/authors', [{ name: 'Ada' }, { name: 'Grace' }]), 'authors');
		const article = await ok(await api(url, 'POST', '/items/articles', { title: 'Main title', views: 3, author: ada.id }), 'article');
		const version = await ok(await api(url, 'POST', '/versions', { key: 'draft', name: 'Draft', collection: 'articles', item: article.id }), 'version');
		await ok(await api(url, 'POST', `/versions/${version.id}/save`, { title: 'Draft title', author: grace.id }), 'save');

		const selection = '{ id title views author { name } }';
		const drafted = await gql(url, `{ articles_by_version(id: ${article.id}, version: "draft") ${selection} }`);
		t.falsy(drafted.body.errors, JSON.stringify(drafted.body.errors));
		t.deepEqual(drafted.body.data.articles_by_version, { id: String(article.id), title: 'Draft title', views: 3, author: { name: 'Grace' } });
		// The same as REST's comparison: the main item with the version's changes over it.
		const compared = await ok(await api(url, 'GET', `/versions/${version.id}/compare`), 'compare');
		t.is(drafted.body.data.articles_by_version.title, compared.current.title);
		t.is(compared.main.title, 'Main title');

		const main = await gql(url, `{ articles_by_id(id: ${article.id}) ${selection} }`);
		t.deepEqual(main.body.data.articles_by_id, { id: String(article.id), title: 'Main title', views: 3, author: { name: 'Ada' } });
		t.is(code(await gql(url, `{ articles_by_version(id: ${article.id}, version: "nope") { id } }`)), 'FORBIDDEN');

		// Promoted, the version's changes are the item's.
		await ok(await api(url, 'POST', `/versions/${version.id}/promote`, {}), 'promote');
		t.deepEqual((await gql(url, `{ articles_by_id(id: ${article.id}) ${selection} }`)).body.data.articles_by_id, drafted.body.data.articles_by_version);
	} finally {
		await stop();
	}
});

vendorTest('a role that may not read versions has no _by_version field', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		const { article } = await draftedArticle(url, 'Secret draft');
		const role = (await api(url, 'POST', '/roles', { name: 'Reader' })).body.data.id;
		const policy = (await api(url, 'POST', '/policies', { name: 'Reader policy', app_access: false, admin_access: false })).body.data.id;
		await api(url, 'POST', '/access', { role, policy });
		await api(url, 'POST', '/permissions', { policy, collection: 'articles', action: 'read', fields: 'id,title' });
		await ok(await api(url, 'POST', '/users', { email: 'reader@example.com', status: 'active', role, token: readerToken }), 'user');

		const fields = (await gql(url, '{ __schema { queryType { fields { name } } } }', { token: readerToken })).body.data.__schema.queryType.fields;
		t.deepEqual(fields.map((field: any) => field.name).sort(), ['articles', 'articles_aggregated', 'articles_by_id']);
		const asked = await gql(url, `{ articles_by_version(id: ${article.id}, version: "draft") { title } }`, { token: readerToken });
		t.is(code(asked), 'GRAPHQL_VALIDATION');
		t.false(JSON.stringify(asked.body).includes('Secret draft'));
	} finally {
		await stop();
	}
});

vendorTest('version reads are on /graphql only, as Directus offers them, and <c>_by_id(version:) reads the version too', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		const { article } = await draftedArticle(url, 'Draft title');

		const rootFields = async (path: string) =>
			(await gql(url, '{ __schema { queryType { fields { name } } } }', { path })).body.data.__schema.queryType.fields.map((field: any) => field.name);
		const system = await rootFields('/graphql/system');
		t.true(system.includes('users_by_id'), 'the admin reads system collections by id');
		t.deepEqual(
			system.filter((name: string) => name.endsWith('_by_version')),
			[],
		);
		t.is(code(await gql(url, '{ users_by_version(id: "x", version: "draft") { id } }', { path: '/graphql/system' })), 'GRAPHQL_VALIDATION');
		t.true((await rootFields('/graphql')).includes('articles_by_version'));

		const byId = await gql(url, `{ draft: articles_by_id(id: ${article.id}, version: "draft") { title } main: articles_by_id(id: ${article.id}) { title } }`);
		t.falsy(byId.body.errors, JSON.stringify(byId.body.errors));
		t.deepEqual(byId.body.data, { draft: { title: 'Draft title' }, main: { title: 'Main title' } });
	} finally {
		await stop();
	}
});

vendorTest(
	"a version's pending one-to-many and many-to-many changes show in _by_version as in REST's ?version=, and as the item reads once promoted",
	async (t, db) => {
		const { url, stop } = await startKernel(db);
		try {
			await versionedCatalog(url);
			const [oldTag, keptTag] = await ok(await api(url, 'POST', '/items/tags', [{ name: 'old' }, { name: 'kept' }]), 'tags');
			const ada = await ok(await api(url, 'POST', '/items/authors', { name: 'Ada' }), 'author');
			const [first, second] = await ok(
				await api(url, 'POST', '/items/articles', [
					{ title: 'First', author: ada.id, tags: [{ tags_id: oldTag.id }, { tags_id: keptTag.id }] },
					{ title: 'Second', author: ada.id },
				]),
				'articles',
			);
			const unversioned = await api(url, 'POST', '/versions', { key: 'draft', collection: 'tags', item: oldTag.id });
			t.is(code(unversioned), 'UNPROCESSABLE_CONTENT', 'a collection without versioning has no versions');
			const junction = await ok(
				await api(url, 'GET', `/items/articles_tags?filter[articles_id][_eq]=${first.id}&filter[tags_id][_eq]=${oldTag.id}&fields=id`),
				'junction',
			);

			// The author's articles (one-to-many): one edited, one removed, one new.
			const authorVersion = await ok(await api(url, 'POST', '/versions', { key: 'draft', collection: 'authors', item: ada.id }), 'author version');
			await ok(
				await api(url, 'POST', `/versions/${authorVersion.id}/save`, {
					name: 'Ada L.',
					articles: { create: [{ title: 'Third' }], update: [{ id: first.id, title: 'First, edited' }], delete: [second.id] },
				}),
				'save author',
			);
			// The first article's tags (many-to-many): the old one unlinked, a new one created, an existing one linked.
			const articleVersion = await ok(await api(url, 'POST', '/versions', { key: 'draft', collection: 'articles', item: first.id }), 'article version');
			const fresh = await ok(await api(url, 'POST', '/items/tags', { name: 'linked' }), 'tag');
			await ok(
				await api(url, 'POST', `/versions/${articleVersion.id}/save`, {
					tags: { create: [{ tags_id: { name: 'created' } }, { tags_id: fresh.id }], update: [], delete: [junction[0].id] },
				}),
				'save article',
			);

			const authorQuery = `{ name articles(sort: ["id"]) { title } }`;
			const articleQuery = `{ title tags { tags_id { name } } }`;
			const drafted = await gql(
				url,
				`{ author: authors_by_version(id: ${ada.id}, version: "draft") ${authorQuery} article: articles_by_version(id: ${first.id}, version: "draft") ${articleQuery} }`,
			);
			t.falsy(drafted.body.errors, JSON.stringify(drafted.body.errors));
			t.deepEqual(drafted.body.data.author, { name: 'Ada L.', articles: [{ title: 'First, edited' }, { title: 'Third' }] });
			t.deepEqual(drafted.body.data.article, {
				title: 'First',
				tags: [{ tags_id: { name: 'kept' } }, { tags_id: { name: 'created' } }, { tags_id: { name: 'linked' } }],
			});

			// REST answers the same through the same code.
			const restAuthor = await ok(await api(url, 'GET', `/items/authors/${ada.id}?version=draft&fields=name,articles.title`), 'rest author');
			t.deepEqual(restAuthor, drafted.body.data.author);
			const restArticle = await ok(await api(url, 'GET', `/items/articles/${first.id}?version=draft&fields=title,tags.tags_id.name`), 'rest article');
			t.deepEqual(restArticle, drafted.body.data.article);
			// The main items are untouched until the versions are promoted.
			t.deepEqual(await ok(await api(url, 'GET', `/items/authors/${ada.id}?fields=name,articles.title`), 'main'), {
				name: 'Ada',
				articles: [{ title: 'First' }, { title: 'Second' }],
			});

			await ok(await api(url, 'POST', `/versions/${authorVersion.id}/promote`, {}), 'promote author');
			await ok(await api(url, 'POST', `/versions/${articleVersion.id}/promote`, {}), 'promote article');
			const promoted = await gql(url, `{ author: authors_by_id(id: ${ada.id}) ${authorQuery} article: articles_by_id(id: ${first.id}) ${articleQuery} }`);
			t.deepEqual(promoted.body.data.author, drafted.body.data.author);
			// The author's version edited this article's title meanwhile; its tags are the article version's.
			t.deepEqual(promoted.body.data.article, { ...drafted.body.data.article, title: 'First, edited' });
		} finally {
			await stop();
		}
	},
);

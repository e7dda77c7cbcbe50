import type { ExecutionContext } from 'ava';
import { withCatalogKernel } from './helpers/catalog-kernel.js';
import { api, type ApiResponse } from './helpers/http.js';
import type { TestDatabase } from './helpers/databases.js';
import { vendorTest } from './helpers/vendor-test.js';
import { restrictedUser, type Grant } from './security/authz-fixture.js';

// REST `GET /items/:collection/:id?version=<key>` reads the version and the item as the caller:
// either one hidden answers 403 FORBIDDEN, and nothing the version holds reaches the answer.

const secret = 'Secret draft';
const draft = { title: `${secret} title`, body: `${secret} body` };
const versionRead = '/items/articles/1?version=draft';
const readVersions: Grant = { collection: 'directus_versions', action: 'read', fields: '*' };
const readArticles: Grant = { collection: 'articles', action: 'read', fields: '*' };

async function ok(response: ApiResponse, what: string) {
	if (response.status >= 300) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
	return response.body.data;
}

/** The seeded catalogue with versioning on articles, and the admin's version "draft" of article 1 retitling it. */
async function draftOfFirstArticle(url: string): Promise<void> {
	await ok(await api(url, 'PATCH', '/collections/articles', { meta: { versioning: true } }), 'versioning');
	const version = await ok(await api(url, 'POST', '/versions', { key: 'draft', name: 'Draft', collection: 'articles', item: '1' }), 'version');
	await ok(await api(url, 'POST', `/versions/${version.id}/save`, draft), 'save');
}

/** A refusal in the Directus shape, with no data and nothing of the version's delta. */
function refused(t: ExecutionContext, response: ApiResponse, who: string): void {
	t.is(response.status, 403, who);
	t.deepEqual(Object.keys(response.body), ['errors'], who);
	t.is(response.body.errors.length, 1, who);
	t.is(response.body.errors[0].extensions.code, 'FORBIDDEN', who);
	t.is(typeof response.body.errors[0].message, 'string', who);
	t.false(JSON.stringify(response.body).includes(secret), `${who}: nothing of the draft leaks`);
}

const tokenFor = async (url: string, db: TestDatabase, grants: Grant[]) => (await restrictedUser(url, db, { policies: [grants] })).token;

vendorTest('?version= refuses an anonymous caller and a user whose policy cannot read the collection, with 403 FORBIDDEN and no data', (t, db) =>
	withCatalogKernel(db, async (url) => {
		await draftOfFirstArticle(url);
		refused(t, await api(url, 'GET', versionRead, undefined, null), 'anonymous');
		const versionsOnly = await tokenFor(url, db, [readVersions, { collection: 'authors', action: 'read', fields: '*' }]);
		refused(t, await api(url, 'GET', versionRead, undefined, versionsOnly), 'versions but not articles');
		// The same user reading the item without a version is refused alike: the collection is the reason.
		refused(t, await api(url, 'GET', '/items/articles/1', undefined, versionsOnly), 'the main item, versions but not articles');
	}),
);

vendorTest('?version= refuses a user who can read the item but not the version, or the version but not the item, without leaking its delta', async (t, db) =>
	withCatalogKernel(db, async (url) => {
		await draftOfFirstArticle(url);
		const articlesOnly = await tokenFor(url, db, [readArticles]);
		t.is((await ok(await api(url, 'GET', '/items/articles/1', undefined, articlesOnly), 'main item')).title, 'Hello World', 'the item itself is readable');
		refused(t, await api(url, 'GET', versionRead, undefined, articlesOnly), 'articles but not versions');

		const ownVersionsOnly = await tokenFor(url, db, [readArticles, { ...readVersions, permissions: { user_created: { _eq: '$CURRENT_USER' } } }]);
		refused(t, await api(url, 'GET', versionRead, undefined, ownVersionsOnly), "articles and only one's own versions");

		// Article 1 is published; this user reads drafts only.
		const draftsOnly = await tokenFor(url, db, [{ ...readArticles, permissions: { status: { _eq: 'draft' } } }, readVersions]);
		refused(t, await api(url, 'GET', versionRead, undefined, draftsOnly), 'versions, and articles other than this one');

		// A version that does not exist reads as one that may not be read.
		const allowed = await tokenFor(url, db, [readArticles, readVersions]);
		const missing = await api(url, 'GET', '/items/articles/1?version=nope', undefined, allowed);
		refused(t, missing, 'a missing version');
		t.deepEqual((await api(url, 'GET', versionRead, undefined, articlesOnly)).body, missing.body, 'hidden and missing answer alike');
	}),
);

vendorTest('?version= answers a user allowed the item and its versions with the merged item, within the fields they may read', async (t, db) =>
	withCatalogKernel(db, async (url) => {
		await draftOfFirstArticle(url);
		const allowed = await tokenFor(url, db, [readArticles, readVersions]);
		const merged = await ok(await api(url, 'GET', `${versionRead}&fields=id,title,body,views,status`, undefined, allowed), 'version read');
		t.deepEqual(merged, { id: 1, ...draft, views: 120, status: 'published' });
		t.like(await ok(await api(url, 'GET', '/items/articles/1?fields=title,body', undefined, allowed), 'main'), { title: 'Hello World', body: 'First post' });

		// Fields the user may not read stay out, whatever the version changed in them.
		const someFields = await tokenFor(url, db, [{ ...readArticles, fields: 'id,views' }, readVersions]);
		const limited = await api(url, 'GET', versionRead, undefined, someFields);
		t.is(limited.status, 200);
		t.deepEqual(limited.body.data, { id: 1, views: 120 });
		t.false(JSON.stringify(limited.body).includes(secret));
	}),
);

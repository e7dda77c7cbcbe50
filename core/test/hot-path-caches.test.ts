import { vendorTest } from './helpers/vendor-test.js';
import type { TestDatabase } from './helpers/databases.js';
import { api, errorCode } from './helpers/http.js';
import { articles } from './helpers/catalog.js';
import { withCatalogKernel } from './helpers/catalog-kernel.js';

// The hot path keeps who a token belongs to, its policies and the permissions compiled for a
// query shape. Every one of those caches must let go the moment an admin changes what they hold:
// the very next request of the same shape, with the same token, sees the change.

const readerToken = 'cache-reader-static-token-0123456789';
const password = 'a reader password long enough';
const published = articles.filter((a) => a.status === 'published');
const ids = (response: { body: any }) => (response.body.data as Array<{ id: number }>).map((item) => item.id);

async function setUpReader(url: string) {
	const role = (await api(url, 'POST', '/roles', { name: 'Cached reader' })).body.data.id;
	const policy = (await api(url, 'POST', '/policies', { name: 'Cached reader policy', app_access: false, admin_access: false })).body.data.id;
	await api(url, 'POST', '/access', { role, policy });
	const permission = await api(url, 'POST', '/permissions', {
		policy,
		collection: 'articles',
		action: 'read',
		fields: 'id,title',
		permissions: { status: { _eq: 'published' } },
	});
	if (permission.status !== 200) throw new Error(JSON.stringify(permission.body));
	const user = await api(url, 'POST', '/users', { email: 'cached@example.com', password, status: 'active', role, token: readerToken });
	if (user.status !== 200) throw new Error(JSON.stringify(user.body));
	const login = await api(url, 'POST', '/auth/login', { email: 'cached@example.com', password }, null);
	if (login.status !== 200) throw new Error(JSON.stringify(login.body));
	return { permission: permission.body.data.id, user: user.body.data.id, jwt: login.body.data.access_token as string };
}

const listPath = '/items/articles?sort=id&limit=-1';

type Reader = Awaited<ReturnType<typeof setUpReader>>;

/** Runs `body` against a kernel on `db` holding the seeded catalogue and the reader, who signs in with a static token and a JWT alike. */
function withReader(db: TestDatabase, body: (url: string, reader: Reader, tokens: string[]) => Promise<void>): Promise<void> {
	return withCatalogKernel(db, async (url) => {
		const reader = await setUpReader(url);
		await body(url, reader, [readerToken, reader.jwt]);
	});
}

vendorTest('a permission change takes effect on the very next request, for a static token and a JWT alike', (t, db) =>
	withReader(db, async (url, reader, tokens) => {
		for (const token of tokens) {
			// Warm every cache on this exact request: identity, policies, permissions, the query's plan.
			for (let i = 0; i < 3; i++) {
				const warm = await api(url, 'GET', listPath, undefined, token);
				t.deepEqual(
					warm.body.data,
					published.map((a) => ({ id: a.id, title: a.title })),
				);
			}
		}

		t.is((await api(url, 'PATCH', `/permissions/${reader.permission}`, { fields: 'id' })).status, 200);
		for (const token of tokens) {
			t.deepEqual(
				(await api(url, 'GET', listPath, undefined, token)).body.data,
				published.map((a) => ({ id: a.id })),
				'fewer fields at once',
			);
		}

		t.is((await api(url, 'PATCH', `/permissions/${reader.permission}`, { permissions: { status: { _eq: 'draft' } } })).status, 200);
		for (const token of tokens) {
			t.deepEqual(
				ids(await api(url, 'GET', listPath, undefined, token)),
				articles.filter((a) => a.status === 'draft').map((a) => a.id),
				'another row rule at once',
			);
			t.is(errorCode(await api(url, 'GET', `/items/articles/${published[0]!.id}`, undefined, token)), 'FORBIDDEN');
		}

		t.is((await api(url, 'DELETE', `/permissions/${reader.permission}`)).status, 204);
		for (const token of tokens) {
			t.is(errorCode(await api(url, 'GET', listPath, undefined, token)), 'FORBIDDEN', 'no permission left, refused at once');
		}
	}),
);

vendorTest('a suspended user, or a changed static token, is refused on the very next request', (t, db) =>
	withReader(db, async (url, reader, tokens) => {
		for (const token of tokens) {
			for (let i = 0; i < 3; i++) t.is((await api(url, 'GET', listPath, undefined, token)).status, 200);
		}

		t.is((await api(url, 'PATCH', `/users/${reader.user}`, { status: 'suspended' })).status, 200);
		for (const token of tokens) {
			const refused = await api(url, 'GET', listPath, undefined, token);
			t.is(refused.status, 401);
			t.is(errorCode(refused), 'INVALID_CREDENTIALS');
		}

		t.is((await api(url, 'PATCH', `/users/${reader.user}`, { status: 'active' })).status, 200);
		t.is((await api(url, 'GET', listPath, undefined, readerToken)).status, 200, 'active again, accepted again');

		const newToken = 'cache-reader-new-static-token-9876543210';
		t.is((await api(url, 'PATCH', `/users/${reader.user}`, { token: newToken })).status, 200);
		const old = await api(url, 'GET', listPath, undefined, readerToken);
		t.is(old.status, 401, 'the replaced token stops working at once');
		t.is(errorCode(old), 'INVALID_CREDENTIALS');
		t.deepEqual(
			ids(await api(url, 'GET', listPath, undefined, newToken)),
			published.map((a) => a.id),
		);
	}),
);

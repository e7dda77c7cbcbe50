import test from 'ava';
import { createTestDatabase } from './helpers/databases.js';
import { startKernel, type RunningKernel } from './helpers/kernel.js';
import { api, errorCode } from './helpers/http.js';
import { buildExtension, until } from './helpers/extensions.js';
import { createCatalog, seedCatalog, articles } from './helpers/catalog.js';

type Mode = 'trusted' | 'sandboxed';
/** Sandboxed, or in-process as an extension an admin marked trusted runs, with the same scopes. */
function place(
	running: RunningKernel,
	name: string,
	type: 'endpoint' | 'hook',
	code: string,
	mode: Mode,
	requestedScopes: Record<string, unknown>,
): Promise<void> {
	return buildExtension(running, name, type, code, { enabled: mode === 'sandboxed', requestedScopes });
}

async function withCatalog(run: (running: RunningKernel) => Promise<void>) {
	const db = await createTestDatabase('sqlite');
	const running = await startKernel(db);
	try {
		await createCatalog(running.url);
		await seedCatalog(running.url);
		await run(running);
	} finally {
		await running.stop();
		await db.drop();
	}
}

const hookCode = `import { createError, defineHook } from '@mantle/extensions-sdk';
export default defineHook(({ filter, action }, { log }) => {
	filter('articles.items.create', (payload) => {
		if (payload.title === 'spam') throw createError('INVALID_PAYLOAD', 'No spam here.');
		return { ...payload, title: payload.title + ' (checked)' };
	});
	action('articles.items.create', (meta) => log.info('article created', { created: meta.key }));
});`;

const shelfCode = `import { defineEndpoint } from '@mantle/extensions-sdk';
export default defineEndpoint({ id: 'shelf', handler: (router, { items }) => {
	const as = (req, collection) => items(collection, { accountability: req.accountability });
	router.get('/articles', async (req) => ({ body: await as(req, 'articles').readByQuery({ fields: ['title'], sort: ['id'], limit: 3 }) }));
	router.post('/articles', async (req) => ({ body: { key: await as(req, 'articles').createOne({ title: 'from the shelf' }) } }));
	router.get('/authors', async (req) => ({ body: await as(req, 'authors').readByQuery({}) }));
} });`;

for (const mode of ['trusted', 'sandboxed'] as const) {
	test(`[${mode}] an items filter hook rewrites a create, and one that throws rolls the write back; the action hook runs after`, async (t) => {
		await withCatalog(async (running) => {
			await place(running, 'checker', 'hook', hookCode, mode, { log: {} });
			await running.kernel.extensions.loadAll();
			const activityBefore = await running.kernel.database.knex('mantle_activity').count({ n: '*' });
			const created = await api(running.url, 'POST', '/items/articles?fields=id,title', { title: 'Fine' });
			t.deepEqual(created.body.data, { id: articles.length + 1, title: 'Fine (checked)' });
			const refused = await api(running.url, 'POST', '/items/articles', [{ title: 'first of two' }, { title: 'spam' }]);
			t.is(errorCode(refused), 'INVALID_PAYLOAD');
			t.is(refused.body.errors[0].message, 'No spam here.');
			const titles = (await running.kernel.database.knex('articles').select('title')).map((row: any) => row.title);
			t.false(
				titles.some((title: string) => title.startsWith('first of two')),
				'the batch left nothing behind',
			);
			const activityAfter = await running.kernel.database.knex('mantle_activity').count({ n: '*' });
			t.is(Number(Object.values(activityAfter[0]!)[0]), Number(Object.values(activityBefore[0]!)[0]) + 1, 'only the accepted create was logged');
			t.true(await until(() => running.logs.some((line) => line.msg === 'article created' && line.created === articles.length + 1), 5000));
		});
	});

	test(`[${mode}] an endpoint reaches items only within its scope and the caller's own permissions`, async (t) => {
		await withCatalog(async (running) => {
			await place(running, 'shelf', 'endpoint', shelfCode, mode, { items: { collections: ['articles'], actions: ['read'] } });
			await running.kernel.extensions.loadAll();
			t.like(
				running.kernel.extensions.list().find((e) => e.name === 'shelf'),
				{ status: 'loaded', sandboxed: mode === 'sandboxed' },
			);
			const listed = await api(running.url, 'GET', '/shelf/articles');
			t.deepEqual(
				listed.body,
				articles.slice(0, 3).map((a) => ({ title: a.title })),
			);
			t.is(errorCode(await api(running.url, 'POST', '/shelf/articles')), 'FORBIDDEN', 'create is outside the granted actions');
			t.is(errorCode(await api(running.url, 'GET', '/shelf/authors')), 'FORBIDDEN', 'authors is outside the granted collections');
			t.is(errorCode(await api(running.url, 'GET', '/shelf/articles', undefined, null)), 'FORBIDDEN', 'the public caller may not read articles');
		});
	});
}

import { vendorTest } from '../helpers/vendor-test.js';
import { withCatalogKernel } from '../helpers/catalog-kernel.js';
import { api, errorCode } from '../helpers/http.js';
import { q, restrictedUser, type Grant } from './authz-fixture.js';

// Attacks on what a write transaction remembers: a row rule it already checked (not asked again
// until something is written) and the activity and revision rows it holds until just before
// COMMIT. A caller must not reach a row outside the update rule by touching an allowed one first,
// and a refused or failed write must leave no trace in the logs.

/** Update and delete only drafts; read everything. */
const draftsOnly: Grant[] = [
	{ collection: 'articles', action: 'read', fields: '*' },
	{ collection: 'articles', action: 'update', fields: '*', permissions: { status: { _eq: 'draft' } } },
	{ collection: 'authors', action: 'read', fields: '*' },
	{ collection: 'authors', action: 'update', fields: '*' },
];

async function statuses(url: string): Promise<{ draft: number[]; published: number[]; titles: Record<number, string> }> {
	const rows = (await api(url, 'GET', '/items/articles?fields=id,status,title,author&limit=-1')).body.data as Array<{
		id: number;
		status: string;
		title: string;
		author: number | null;
	}>;
	return {
		draft: rows.filter((row) => row.status === 'draft').map((row) => row.id),
		published: rows.filter((row) => row.status === 'published').map((row) => row.id),
		titles: Object.fromEntries(rows.map((row) => [row.id, `${row.title} by ${row.author}`])),
	};
}

type Db = Parameters<Parameters<typeof vendorTest>[1]>[1];

async function logCounts(db: Db): Promise<[number, number]> {
	const [activity] = await db.knex('mantle_activity').count({ n: '*' });
	const [revisions] = await db.knex('mantle_revisions').count({ n: '*' });
	return [Number(activity.n), Number(revisions.n)];
}

vendorTest(
	'a batch cannot update a row outside the update rule by touching an allowed row first, nor a row it has just moved out of the rule',
	async (t, db) => {
		await withCatalogKernel(db, async (url) => {
			const user = await restrictedUser(url, db, { policies: [draftsOnly] });
			const before = await statuses(url);
			const [draft] = before.draft;
			const [published] = before.published;
			const logs = await logCounts(db);
			const attempts: Array<[string, string, unknown]> = [
				['allowed key then forbidden key, by keys', '/items/articles', { keys: [draft, published], data: { title: 'hacked' } }],
				[
					'allowed item then forbidden item, as a list',
					'/items/articles',
					[
						{ id: draft, title: 'fine' },
						{ id: published, title: 'hacked' },
					],
				],
				[
					'the same allowed key twice, then the forbidden one',
					'/items/articles',
					[
						{ id: draft, title: 'a' },
						{ id: draft, title: 'b' },
						{ id: published, title: 'hacked' },
					],
				],
				// The draft is published by the second entry: the third finds it outside the rule.
				[
					'a row moved out of the rule, then written again',
					'/items/articles',
					[
						{ id: draft, title: 'a' },
						{ id: draft, status: 'published' },
						{ id: draft, title: 'hacked' },
					],
				],
				['by query, touching the draft first', `/items/articles`, { query: { filter: { id: { _in: [draft, published] } } }, data: { title: 'hacked' } }],
			];
			for (const [what, path, body] of attempts) {
				// A query names the rows the caller reads (all of them here), so it is refused whole too.
				t.is(errorCode(await api(url, 'PATCH', path, body, user.token)), 'FORBIDDEN', what);
				const now = await statuses(url);
				t.deepEqual(now, before, `${what}: nothing changed`);
			}
			t.deepEqual(await logCounts(db), logs, 'nothing was logged');
			// A nested write reaches the article through its author: the same rule holds.
			const target = (await api(url, 'GET', `/items/articles?fields=id,author&filter=${q({ status: { _eq: 'published' }, author: { _nnull: true } })}&limit=1`))
				.body.data[0];
			t.truthy(target, 'a published article with an author');
			const nested = await api(
				url,
				'PATCH',
				`/items/authors/${target.author}`,
				{ name: 'renamed', articles: { create: [], update: [{ id: target.id, title: 'hacked' }], delete: [] } },
				user.token,
			);
			t.is(errorCode(nested), 'FORBIDDEN', 'nested update of a published article');
			t.deepEqual(await statuses(url), before);
			t.deepEqual(await logCounts(db), logs, 'nothing was logged');
		});
	},
);

vendorTest('a refused or failed write leaves no activity or revision rows, in a batch or nested', async (t, db) => {
	await withCatalogKernel(db, async (url) => {
		const user = await restrictedUser(url, db, { policies: [draftsOnly] });
		const { draft, published } = await statuses(url);
		const before = await logCounts(db);
		// Refused on the second item, after the first was written.
		t.is(
			errorCode(
				await api(
					url,
					'PATCH',
					'/items/articles',
					[
						{ id: draft[0], title: 'one' },
						{ id: published[0], title: 'two' },
					],
					user.token,
				),
			),
			'FORBIDDEN',
		);
		// Failing in the database after the first item was written: the title holds 40 characters.
		const tooLong = await api(
			url,
			'PATCH',
			'/items/articles',
			[
				{ id: draft[0], title: 'one' },
				{ id: draft[1] ?? draft[0], title: 'x'.repeat(200) },
			],
			user.token,
		);
		t.true(tooLong.status >= 400 && tooLong.status < 500, JSON.stringify(tooLong.body));
		// As the admin too, whose UPDATE learns which keys exist as it writes.
		const admin = await api(url, 'PATCH', '/items/articles', [
			{ id: published[0], title: 'fine' },
			{ id: published[1] ?? published[0], title: 'y'.repeat(200) },
		]);
		t.true(admin.status >= 400 && admin.status < 500, JSON.stringify(admin.body));
		// A nested create that fails after the parent row was updated.
		const nested = await api(url, 'PATCH', '/items/authors/1', { name: 'renamed', articles: { create: [{ title: 'z'.repeat(200) }], update: [], delete: [] } });
		t.true(nested.status >= 400 && nested.status < 500, JSON.stringify(nested.body));
		t.deepEqual(await logCounts(db), before, 'no activity and no revisions');
		t.not((await api(url, 'GET', '/items/authors/1?fields=name')).body.data.name, 'renamed');
		// And a write that succeeds after them logs exactly itself.
		t.is((await api(url, 'PATCH', `/items/articles/${draft[0]}`, { title: 'logged' }, user.token)).status, 200);
		const [activity] = await logCounts(db);
		t.is(activity, before[0] + 1);
		const logged = await api(url, 'GET', `/activity?filter=${q({ item: { _eq: String(draft[0]) }, collection: { _eq: 'articles' } })}&fields=action&limit=-1`);
		t.deepEqual(
			(logged.body.data as Array<{ action: string }>).filter((row) => row.action !== 'create'),
			[{ action: 'update' }],
			'one update after the seed',
		);
	});
});

vendorTest('a batch or nested delete cannot reach a row outside the delete rule by deleting an allowed row first', async (t, db) => {
	await withCatalogKernel(db, async (url) => {
		const user = await restrictedUser(url, db, {
			policies: [[...draftsOnly, { collection: 'articles', action: 'delete', permissions: { status: { _eq: 'draft' } } }]],
		});
		const before = await statuses(url);
		const logs = await logCounts(db);
		const [draft] = before.draft;
		const [published] = before.published;
		t.is(errorCode(await api(url, 'DELETE', '/items/articles', [draft, published], user.token)), 'FORBIDDEN', 'by keys');
		t.is(errorCode(await api(url, 'DELETE', '/items/articles', { keys: [draft, draft, published] }, user.token)), 'FORBIDDEN', 'a key repeated');
		const target = (await api(url, 'GET', `/items/articles?fields=id,author&filter=${q({ status: { _eq: 'published' }, author: { _nnull: true } })}&limit=1`))
			.body.data[0];
		const nested = await api(url, 'PATCH', `/items/authors/${target.author}`, { articles: { create: [], update: [], delete: [target.id] } }, user.token);
		t.is(errorCode(nested), 'FORBIDDEN', 'unlinking a published article updates it');
		t.deepEqual(await statuses(url), before, 'every article is still there');
		t.deepEqual(await logCounts(db), logs, 'nothing was logged');
	});
});

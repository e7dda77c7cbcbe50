import { vendorTest } from '../helpers/vendor-test.js';
import { withCatalogKernel } from '../helpers/catalog-kernel.js';
import { api, errorCode } from '../helpers/http.js';
import { ids, q, restrictedUser, sameRoleUser, type Grant } from './authz-fixture.js';

// More attacks on what is remembered between and within requests: a filter that crosses into a
// collection whose row rule names $CURRENT_USER (the rule is compiled into the root level of a
// plan users of one role share), and an import whose rows are all authorized before any is
// written (a row the import itself moves out of the update rule must not be written again).

vendorTest(
	'a filter, sort or aggregate through a relation whose rule names $CURRENT_USER answers each user of a shared plan by their own rule',
	async (t, db) => {
		await withCatalogKernel(db, async (url) => {
			t.is((await api(url, 'POST', '/fields/authors', { field: 'owner', type: 'string' })).status, 200);
			const grants: Grant[] = [
				{ collection: 'articles', action: 'read', fields: '*' },
				{ collection: 'authors', action: 'read', fields: '*', permissions: { owner: { _eq: '$CURRENT_USER' } } },
			];
			const alice = await restrictedUser(url, db, { policies: [grants] });
			const bob = await sameRoleUser(db, alice.role);
			await api(url, 'PATCH', '/items/authors/1', { owner: alice.user });
			await api(url, 'PATCH', '/items/authors/2', { owner: bob.user });
			const of = async (author: number) => ids(await api(url, 'GET', `/items/articles?fields=id&filter=${q({ author: { _eq: author } })}&limit=-1`));
			const aliceArticles = await of(1);
			const bobArticles = await of(2);
			t.true(aliceArticles.length > 0 && bobArticles.length > 0);
			const throughAuthor = `/items/articles?fields=id&filter=${q({ author: { name: { _nnull: true } } })}&limit=-1`;
			const authorsWithArticles = `/items/authors?fields=id&filter=${q({ articles: { _some: { id: { _nnull: true } } } })}&limit=-1`;
			const counted = `/items/articles?aggregate[count]=*&filter=${q({ author: { name: { _nnull: true } } })}`;
			const authorNames = `/items/articles?fields=id,author.id&sort=author.name,id&limit=-1`;
			for (let round = 0; round < 2; round++) {
				t.deepEqual(ids(await api(url, 'GET', throughAuthor, undefined, alice.token)), aliceArticles, `alice through author, round ${round}`);
				t.deepEqual(ids(await api(url, 'GET', throughAuthor, undefined, bob.token)), bobArticles, `bob through author, round ${round}`);
				t.deepEqual(ids(await api(url, 'GET', authorsWithArticles, undefined, alice.token)), [1], `alice's authors, round ${round}`);
				t.deepEqual(ids(await api(url, 'GET', authorsWithArticles, undefined, bob.token)), [2], `bob's authors, round ${round}`);
				const counts = [];
				for (const token of [alice.token, bob.token]) counts.push(Number((await api(url, 'GET', counted, undefined, token)).body.data[0].count));
				t.deepEqual(counts, [aliceArticles.length, bobArticles.length], `counts, round ${round}`);
				for (const [who, token, own] of [
					['alice', alice.token, 1],
					['bob', bob.token, 2],
				] as const) {
					const rows = (await api(url, 'GET', authorNames, undefined, token)).body.data as Array<{ author: { id: number } | null }>;
					const visible = [...new Set(rows.map((row) => row.author?.id).filter((id) => id !== undefined && id !== null))];
					t.deepEqual(visible, [own], `${who} sees only their author nested, round ${round}`);
				}
			}
		});
	},
);

vendorTest('an import cannot write a row again once an earlier row of the same import moved it out of the update rule', async (t, db) => {
	await withCatalogKernel(db, async (url) => {
		const user = await restrictedUser(url, db, {
			policies: [
				[
					{ collection: 'articles', action: 'read', fields: '*' },
					{ collection: 'articles', action: 'update', fields: '*', permissions: { status: { _eq: 'draft' } } },
				],
			],
		});
		const draft = ids(await api(url, 'GET', `/items/articles?fields=id&filter=${q({ status: { _eq: 'draft' } })}&limit=-1`))[0];
		const before = (await api(url, 'GET', '/items/articles?fields=id,status,title&sort=id&limit=-1')).body.data;
		const [activityBefore] = await db.knex('mantle_activity').count({ n: '*' });
		const answer = await fetch(`${url}/utils/import/articles`, {
			method: 'POST',
			headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' },
			body: JSON.stringify([
				{ id: draft, status: 'published' },
				{ id: draft, title: 'hacked' },
			]),
		});
		const body = (await answer.json()) as { errors?: Array<{ extensions: { code: string } }> };
		t.is(errorCode({ status: answer.status, body }), 'FORBIDDEN');
		t.deepEqual((await api(url, 'GET', '/items/articles?fields=id,status,title&sort=id&limit=-1')).body.data, before, 'nothing changed');
		const [activityAfter] = await db.knex('mantle_activity').count({ n: '*' });
		t.is(Number(activityAfter.n), Number(activityBefore.n), 'nothing logged');
	});
});

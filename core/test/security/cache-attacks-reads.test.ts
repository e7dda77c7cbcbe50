import { vendorTest } from '../helpers/vendor-test.js';
import { withCatalogKernel } from '../helpers/catalog-kernel.js';
import { api, errorCode } from '../helpers/http.js';
import { ids, q, restrictedUser, sameRoleUser, type Grant } from './authz-fixture.js';

// Attacks on the read plan cache, which users of one set of permissions share: whatever a plan
// compiled in for the first caller (their user, their role, a nested level's rule) must never
// answer for the next one. Each test alternates two users of one role so that the second run of
// every shape reuses the first one's plan.

async function addOwnerField(url: string, collection: string): Promise<void> {
	const made = await api(url, 'POST', `/fields/${collection}`, { field: 'owner', type: 'string' });
	if (made.status !== 200) throw new Error(JSON.stringify(made.body));
}

vendorTest('a $CURRENT_USER rule nested in a relational filter answers each user of a shared plan with their own rows, by query and by key', async (t, db) => {
	await withCatalogKernel(db, async (url) => {
		await addOwnerField(url, 'authors');
		const grants: Grant[] = [
			{ collection: 'articles', action: 'read', fields: '*', permissions: { author: { owner: { _eq: '$CURRENT_USER' } } } },
			{ collection: 'authors', action: 'read', fields: '*' },
		];
		const alice = await restrictedUser(url, db, { policies: [grants] });
		const bob = await sameRoleUser(db, alice.role);
		await api(url, 'PATCH', '/items/authors/1', { owner: alice.user });
		await api(url, 'PATCH', '/items/authors/2', { owner: bob.user });
		const expected = async (owner: number) =>
			(await api(url, 'GET', `/items/articles?fields=id&filter=${q({ author: { _eq: owner } })}&limit=-1`)).body.data
				.map((row: { id: number }) => row.id)
				.sort((a: number, b: number) => a - b);
		const aliceRows = await expected(1);
		const bobRows = await expected(2);
		t.true(aliceRows.length > 0 && bobRows.length > 0, 'both own some articles');
		for (let round = 0; round < 2; round++) {
			t.deepEqual(ids(await api(url, 'GET', '/items/articles?fields=id&limit=-1', undefined, alice.token)), aliceRows, `alice, round ${round}`);
			t.deepEqual(ids(await api(url, 'GET', '/items/articles?fields=id&limit=-1', undefined, bob.token)), bobRows, `bob, round ${round}`);
			// The same through an alias and a nested read, shapes planned once for the role.
			const aliased = await api(
				url,
				'GET',
				`/items/authors?fields=id,mine&alias=${q({ mine: 'articles' })}&deep=${q({ mine: { _fields: ['id'] } })}&limit=-1`,
				undefined,
				bob.token,
			);
			t.is(aliased.status, 200, JSON.stringify(aliased.body));
			const seen = (aliased.body.data as Array<{ mine: unknown[] }>)
				.flatMap((row) => row.mine.map((entry) => (typeof entry === 'object' ? (entry as { id: number }).id : entry)))
				.sort();
			t.deepEqual(seen, [...bobRows].sort(), `bob's nested articles, round ${round}`);
		}
		// By key: Alice warms the key's plan with her own article, Bob asks for it next.
		const key = aliceRows[0];
		t.is((await api(url, 'GET', `/items/articles/${key}`, undefined, alice.token)).status, 200);
		t.is((await api(url, 'GET', `/items/articles/${key}`, undefined, alice.token)).status, 200);
		t.is(errorCode(await api(url, 'GET', `/items/articles/${key}`, undefined, bob.token)), 'FORBIDDEN', "bob cannot read alice's article by key");
		t.is((await api(url, 'GET', `/items/articles/${bobRows[0]}`, undefined, bob.token)).status, 200);
		t.is(errorCode(await api(url, 'GET', `/items/articles/${bobRows[0]}`, undefined, alice.token)), 'FORBIDDEN', "alice cannot read bob's article by key");
	});
});

vendorTest('a nested level first reached by the second user of a plan is not kept with their $CURRENT_USER, in a rule or in deep', async (t, db) => {
	await withCatalogKernel(db, async (url) => {
		await addOwnerField(url, 'articles');
		await api(url, 'POST', '/collections', { collection: 'shelves', schema: {}, meta: {}, fields: [{ field: 'name', type: 'string' }] });
		await api(url, 'POST', '/fields/articles', { field: 'shelf', type: 'integer', meta: { special: ['m2o'] } });
		const relation = await api(url, 'POST', '/relations', {
			collection: 'articles',
			field: 'shelf',
			related_collection: 'shelves',
			meta: { one_field: 'articles' },
		});
		t.is(relation.status, 200, JSON.stringify(relation.body));
		const grants: Grant[] = [
			{ collection: 'shelves', action: 'read', fields: '*' },
			{ collection: 'articles', action: 'read', fields: '*', permissions: { owner: { _eq: '$CURRENT_USER' } } },
		];
		const alice = await restrictedUser(url, db, { policies: [grants] });
		const bob = await sameRoleUser(db, alice.role);
		const nested = `/items/shelves?fields=id,articles.id&limit=-1`;
		const deep = `/items/shelves?fields=id,articles.id&deep=${q({ articles: { _filter: { owner: { _eq: '$CURRENT_USER' } } } })}&limit=-1`;
		// Alice plans both shapes while there is no shelf: their nested level is never reached.
		for (const path of [nested, deep]) t.deepEqual((await api(url, 'GET', path, undefined, alice.token)).body.data, []);
		const shelf = (await api(url, 'POST', '/items/shelves', { name: 'one' })).body.data.id;
		await api(url, 'PATCH', '/items/articles/1', { shelf, owner: alice.user });
		await api(url, 'PATCH', '/items/articles/2', { shelf, owner: bob.user });
		for (const path of [nested, deep]) {
			// Bob reaches the nested level first, then Alice runs the same plan.
			t.deepEqual((await api(url, 'GET', path, undefined, bob.token)).body.data, [{ id: shelf, articles: [{ id: 2 }] }], `bob: ${path}`);
			t.deepEqual((await api(url, 'GET', path, undefined, alice.token)).body.data, [{ id: shelf, articles: [{ id: 1 }] }], `alice: ${path}`);
			t.deepEqual((await api(url, 'GET', path, undefined, bob.token)).body.data, [{ id: shelf, articles: [{ id: 2 }] }], `bob again: ${path}`);
		}
	});
});

vendorTest('$CURRENT_ROLE and $CURRENT_POLICIES in a rule answer each role and each set of policies with its own rows', async (t, db) => {
	await withCatalogKernel(db, async (url) => {
		await addOwnerField(url, 'articles');
		const byRole: Grant[] = [{ collection: 'articles', action: 'read', fields: '*', permissions: { owner: { _eq: '$CURRENT_ROLE' } } }];
		const first = await restrictedUser(url, db, { policies: [byRole] });
		// A second role holding the very same policy: same rule, another role.
		const secondRole = (await api(url, 'POST', '/roles', { name: 'Second' })).body.data.id;
		await api(url, 'POST', '/access', { role: secondRole, policy: first.policies[0] });
		const second = await sameRoleUser(db, secondRole);
		await api(url, 'PATCH', '/items/articles/1', { owner: first.role });
		await api(url, 'PATCH', '/items/articles/2', { owner: secondRole });
		for (let round = 0; round < 2; round++) {
			t.deepEqual(ids(await api(url, 'GET', '/items/articles?fields=id', undefined, first.token)), [1]);
			t.deepEqual(ids(await api(url, 'GET', '/items/articles?fields=id', undefined, second.token)), [2]);
		}

		const byPolicy: Grant[] = [{ collection: 'articles', action: 'read', fields: '*', permissions: { owner: { _in: '$CURRENT_POLICIES' } } }];
		const plain = await restrictedUser(url, db, { policies: [byPolicy] });
		const extended = await sameRoleUser(db, plain.role);
		// One more policy of the extended user's own, granting nothing: only their policies differ.
		const own = (await api(url, 'POST', '/policies', { name: 'Own', app_access: false, admin_access: false })).body.data.id;
		await api(url, 'POST', '/access', { user: extended.user, policy: own });
		await api(url, 'PATCH', '/items/articles/3', { owner: plain.policies[0] });
		await api(url, 'PATCH', '/items/articles/4', { owner: own });
		for (let round = 0; round < 2; round++) {
			t.deepEqual(ids(await api(url, 'GET', '/items/articles?fields=id', undefined, plain.token)), [3]);
			t.deepEqual(ids(await api(url, 'GET', '/items/articles?fields=id', undefined, extended.token)), [3, 4]);
		}
	});
});

vendorTest('_in lists of different lengths and by-key reads of several sizes each answer their own keys within the rule', async (t, db) => {
	await withCatalogKernel(db, async (url) => {
		const user = await restrictedUser(url, db, {
			policies: [[{ collection: 'articles', action: 'read', fields: '*', permissions: { status: { _eq: 'published' } } }]],
		});
		const published = ids(await api(url, 'GET', `/items/articles?fields=id&filter=${q({ status: { _eq: 'published' } })}&limit=-1`));
		const all = [1, 2, 3, 4, 5, 6, 7, 8];
		for (const size of [1, 2, 3, 8, 2, 1]) {
			const asked = all.slice(0, size);
			const answer = await api(url, 'GET', `/items/articles?fields=id&filter=${q({ id: { _in: asked } })}&limit=-1`, undefined, user.token);
			t.deepEqual(
				ids(answer),
				asked.filter((id) => published.includes(id)),
				`_in of ${size}`,
			);
		}
		const draft = all.find((id) => !published.includes(id))!;
		for (const key of [published[0], draft, published[1], draft]) {
			const answer = await api(url, 'GET', `/items/articles/${key}?fields=id`, undefined, user.token);
			if (published.includes(key)) t.deepEqual(answer.body.data, { id: key });
			else t.is(errorCode(answer), 'FORBIDDEN', `draft ${key} by key`);
		}
	});
});

vendorTest('a non-admin learns nothing of which keys exist from PATCH or DELETE, and only the verdict of /server/health', async (t, db) => {
	await withCatalogKernel(db, async (url) => {
		const grants: Grant[] = [
			{ collection: 'articles', action: 'update', fields: '*', permissions: { status: { _eq: 'draft' } } },
			{ collection: 'articles', action: 'delete', permissions: { status: { _eq: 'draft' } } },
		];
		const user = await restrictedUser(url, db, { policies: [grants] });
		const published = ids(await api(url, 'GET', `/items/articles?fields=id&filter=${q({ status: { _eq: 'published' } })}&limit=-1`))[0];
		for (const method of ['PATCH', 'DELETE']) {
			const body = method === 'PATCH' ? { title: 'probe' } : undefined;
			const existing = await api(url, method, `/items/articles/${published}`, body, user.token);
			const missing = await api(url, method, '/items/articles/99999', body, user.token);
			t.deepEqual([existing.status, errorCode(existing)], [403, 'FORBIDDEN'], method);
			t.deepEqual([missing.status, errorCode(missing)], [existing.status, errorCode(existing)], `${method}: missing and forbidden answer alike`);
			t.deepEqual(missing.body, existing.body, `${method}: the same body`);
		}
		// Health: each caller's answer is cut from the same round, never from the admin's report.
		for (const token of [user.token, null]) {
			const admin = await api(url, 'GET', '/server/health');
			t.truthy(admin.body.checks, 'the admin sees the checks');
			const answer = await api(url, 'GET', '/server/health', undefined, token);
			t.deepEqual(Object.keys(answer.body), ['status'], 'only the verdict');
		}
	});
});

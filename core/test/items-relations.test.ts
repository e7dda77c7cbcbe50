import { vendorTest } from './helpers/vendor-test.js';
import { startKernel } from './helpers/kernel.js';
import { api, errorCode } from './helpers/http.js';
import { createPageBlocks, ok } from './helpers/many-to-any.js';

vendorTest('many-to-any: read with item:collection.field, write nested items of either collection', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		await createPageBlocks(url, { quoteFields: [{ field: 'person', type: 'string' }] });

		await ok(await api(url, 'POST', '/items/headings', { title: 'Existing heading' }), 'heading');
		const page = await ok(
			await api(url, 'POST', '/items/pages?fields=id', {
				name: 'Home',
				blocks: [
					{ collection: 'quotes', item: { text: 'Less is more', person: 'Mies' }, sort: 2 },
					{ collection: 'headings', item: '1', sort: 1 },
					{ collection: 'headings', item: { title: 'New heading' }, sort: 3 },
				],
			}),
			'page',
		);
		const read = await ok(
			await api(url, 'GET', `/items/pages/${page.data.id}?fields=name,blocks.collection,blocks.item:headings.title,blocks.item:quotes.text`),
			'read',
		);
		t.deepEqual(
			read.data,
			{
				name: 'Home',
				blocks: [
					{ collection: 'headings', item: { title: 'Existing heading' } },
					{ collection: 'quotes', item: { text: 'Less is more' } },
					{ collection: 'headings', item: { title: 'New heading' } },
				],
			},
			'ordered by the relation sort field; each item from its own collection',
		);
		const keys = await ok(await api(url, 'GET', `/items/pages_blocks?fields=collection,item&sort=sort`), 'keys');
		t.deepEqual(
			keys.data.map((row: any) => row.collection),
			['headings', 'quotes', 'headings'],
		);
		t.is(errorCode(await api(url, 'POST', '/items/pages', { name: 'x', blocks: [{ collection: 'nope', item: { title: 'y' } }] })), 'INVALID_PAYLOAD');
	} finally {
		await stop();
	}
});

vendorTest('singletons read and save their one item without a key', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		await ok(
			await api(url, 'POST', '/collections', {
				collection: 'site',
				schema: {},
				meta: { singleton: true },
				fields: [
					{ field: 'title', type: 'string', schema: { default_value: 'Untitled' } },
					{ field: 'open', type: 'boolean' },
				],
			}),
			'site',
		);
		t.deepEqual((await api(url, 'GET', '/items/site')).body.data, { id: null, title: 'Untitled', open: null });
		t.like((await api(url, 'PATCH', '/items/site', { title: 'My site' })).body.data, { title: 'My site' });
		t.like((await api(url, 'PATCH', '/items/site', { open: true })).body.data, { title: 'My site', open: true });
		t.is(Number(Object.values((await db.knex('site').count({ n: '*' }))[0] as object)[0]), 1, 'still one row');
	} finally {
		await stop();
	}
});

vendorTest('dynamic variables in filters: $NOW with adjustments, $CURRENT_USER with a path, roles and policies', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		await ok(
			await api(url, 'POST', '/collections', {
				collection: 'events',
				schema: {},
				meta: {},
				fields: [
					{ field: 'name', type: 'string' },
					{ field: 'at', type: 'timestamp' },
					{ field: 'owner', type: 'uuid' },
					{ field: 'owner_role', type: 'uuid' },
				],
			}),
			'events',
		);
		const admin = await db.knex('mantle_users').first('id', 'role', 'email');
		const day = 86_400_000;
		const now = Date.now();
		await ok(
			await api(url, 'POST', '/items/events', [
				{ name: 'last year', at: new Date(now - 400 * day).toISOString(), owner: admin.id, owner_role: admin.role },
				{ name: 'last week', at: new Date(now - 7 * day).toISOString(), owner: null, owner_role: admin.role },
				{ name: 'tomorrow', at: new Date(now + day).toISOString(), owner: admin.id, owner_role: null },
			]),
			'seed',
		);
		const names = async (filter: unknown) =>
			(
				await ok(await api(url, 'GET', `/items/events?fields=name&sort=at&filter=${encodeURIComponent(JSON.stringify(filter))}`), JSON.stringify(filter))
			).data.map((e: any) => e.name);
		t.deepEqual(await names({ at: { _lt: '$NOW' } }), ['last year', 'last week']);
		t.deepEqual(await names({ at: { _gt: '$NOW(-1 year)' } }), ['last week', 'tomorrow']);
		t.deepEqual(await names({ at: { _between: ['$NOW(-30 days)', '$NOW(+2 days)'] } }), ['last week', 'tomorrow']);
		t.deepEqual(await names({ owner: { _eq: '$CURRENT_USER' } }), ['last year', 'tomorrow']);
		t.deepEqual(await names({ owner_role: { _eq: '$CURRENT_USER.role' } }), ['last year', 'last week']);
		t.deepEqual(await names({ owner_role: { _eq: '$CURRENT_ROLE' } }), ['last year', 'last week']);
		t.deepEqual(await names({ owner_role: { _in: '$CURRENT_ROLES' } }), ['last year', 'last week']);
		t.is(errorCode(await api(url, 'GET', `/items/events?filter=${encodeURIComponent(JSON.stringify({ at: { _lt: '$NOW(soon)' } }))}`)), 'INVALID_QUERY');
		const adminPolicies = (await db.knex('mantle_access').select('policy').where({ role: admin.role })).map((row: any) => row.policy).sort();
		const viaVariable = await ok(
			await api(url, 'GET', `/policies?fields=id&filter=${encodeURIComponent(JSON.stringify({ id: { _in: '$CURRENT_POLICIES' } }))}`),
			'policies',
		);
		t.deepEqual(viaVariable.data.map((p: any) => p.id).sort(), adminPolicies);
	} finally {
		await stop();
	}
});

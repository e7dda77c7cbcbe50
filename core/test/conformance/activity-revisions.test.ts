import {
	clearCache,
	createCollection,
	createItem,
	customEndpoint,
	readActivities,
	readActivity,
	readItem,
	readItems,
	readRevision,
	readRevisions,
	serverHealth,
	serverPing,
	updateItem,
	utilsExport,
	utilsImport,
} from '@directus/sdk';
import { startKernel } from '../helpers/kernel.js';
import { vendorTest } from '../helpers/vendor-test.js';
import { adminClient, anonymousClient, sdkError } from './sdk-clients.js';

vendorTest('activity and revisions record what the SDK changed, a revision reverts it, and imports, exports and cache clears work', async (t, db) => {
	const server = await startKernel(db);
	try {
		const client = adminClient(server.url);
		await client.request(
			createCollection({
				collection: 'pages',
				schema: {},
				meta: {},
				fields: [
					{ field: 'id', type: 'integer', schema: { is_primary_key: true, has_auto_increment: true } },
					{ field: 'title', type: 'string', schema: {} },
				],
			} as never),
		);
		const page = await client.request(createItem('pages', { title: 'First draft' }));
		await client.request(updateItem('pages', page.id, { title: 'Second draft' }));

		const activity = await client.request(
			readActivities({ filter: { collection: { _eq: 'pages' } }, sort: ['id'], fields: ['id', 'action', 'item', 'collection'] }),
		);
		t.deepEqual(
			activity.map((row) => [row.action, String(row.item)]),
			[
				['create', String(page.id)],
				['update', String(page.id)],
			],
		);
		t.like(await client.request(readActivity(activity[0]!.id, { fields: ['action', 'collection'] })), { action: 'create', collection: 'pages' });

		const revisions = await client.request(
			readRevisions({ filter: { collection: { _eq: 'pages' } }, sort: ['id'], fields: ['id', 'data', 'delta', 'activity'] }),
		);
		t.is(revisions.length, 2);
		t.like(revisions[0], { data: { title: 'First draft' } });
		t.like(revisions[1], { data: { title: 'Second draft' }, delta: { title: 'Second draft' }, activity: activity[1]!.id });
		t.like(await client.request(readRevision(revisions[0]!.id, { fields: ['collection', 'item'] })), { collection: 'pages', item: String(page.id) });

		// The SDK has no revert command; clients call the route directly.
		await client.request(customEndpoint({ method: 'POST', path: `/utils/revert/${revisions[0]!.id}` }));
		t.like(await client.request(readItem('pages', page.id)), { title: 'First draft' });

		const form = new FormData();
		form.append('file', new Blob([JSON.stringify([{ title: 'Imported A' }, { title: 'Imported B' }])], { type: 'application/json' }), 'pages.json');
		await client.request(utilsImport('pages', form));
		t.deepEqual(
			(await client.request(readItems('pages', { fields: ['title'], sort: ['id'] }))).map((row) => row.title),
			['First draft', 'Imported A', 'Imported B'],
		);

		// Mantle answers the export with the file itself; Directus stores it in the file library instead.
		const exported = await client.request(utilsExport('pages', 'json', { fields: ['title'], sort: ['title'] } as never, {}));
		t.deepEqual(exported as unknown, [{ title: 'First draft' }, { title: 'Imported A' }, { title: 'Imported B' }]);

		await client.request(clearCache());
		t.like(await sdkError(anonymousClient(server.url).request(clearCache())), { status: 403, code: 'FORBIDDEN' });
	} finally {
		await server.stop();
	}
});

vendorTest('server ping and health answer through the SDK; details of health are for admins', async (t, db) => {
	const server = await startKernel(db);
	try {
		t.is(await anonymousClient(server.url).request(serverPing()), 'pong');
		const health = await adminClient(server.url).request(serverHealth());
		t.is(health.status, 'ok');
		t.truthy((health as { checks?: Record<string, unknown> }).checks);
		t.deepEqual(await anonymousClient(server.url).request(serverHealth()), { status: 'ok' });
	} finally {
		await server.stop();
	}
});

import {
	compareContentVersion,
	createContentVersion,
	deleteContentVersion,
	promoteContentVersion,
	readContentVersions,
	readItem,
	saveToContentVersion,
	updateCollection,
	updateItem,
} from '@directus/sdk';
import { vendorTest } from '../helpers/vendor-test.js';
import { startKernel } from '../helpers/kernel.js';
import { addArticles, addPerson } from './groups-fixture.js';
import { adminClient, sdkError } from './sdk-clients.js';

vendorTest('versions: a draft version is created, saved, compared and promoted onto its item through the SDK', async (t, db) => {
	const running = await startKernel(db);
	try {
		const admin = adminClient(running.url);
		const [spring] = await addArticles(running.url, ['Spring']);
		await admin.request(updateCollection('articles' as never, { meta: { versioning: true } } as never));
		const version = (await admin.request(
			createContentVersion({ key: 'draft', name: 'Rewrite', collection: 'articles', item: String(spring) } as never),
		)) as Record<string, unknown>;
		t.like(version, { key: 'draft', name: 'Rewrite', collection: 'articles', item: String(spring) });
		t.regex(String(version.id), /^[0-9a-f-]{36}$/);
		const id = String(version.id);

		const saved = (await admin.request(saveToContentVersion(id, { title: 'Spring, rewritten' } as never))) as Record<string, unknown>;
		t.like(saved, { id: spring, title: 'Spring, rewritten', status: 'published' }, 'the item as the version has it');
		await admin.request(saveToContentVersion(id, { status: 'draft' } as never));
		t.like(await admin.request(readItem('articles' as never, spring!)), { title: 'Spring' }, 'the item itself is untouched');

		const compared = await admin.request(compareContentVersion(id));
		t.false(compared.outdated);
		t.deepEqual(compared.current, { title: 'Spring, rewritten', status: 'draft' } as never);
		t.like(compared.main, { title: 'Spring', status: 'published' } as never);
		t.regex(compared.mainHash, /^[0-9a-f]{64}$/);

		t.like(await sdkError(admin.request(createContentVersion({ key: 'draft', collection: 'articles', item: String(spring) } as never))), {
			status: 400,
			code: 'RECORD_NOT_UNIQUE',
		});
		t.like(await sdkError(admin.request(createContentVersion({ key: 'main', collection: 'articles', item: String(spring) } as never))), {
			status: 400,
			code: 'INVALID_PAYLOAD',
		});

		// Only the title is promoted; the main item changed meanwhile, so the old hash is refused.
		await admin.request(updateItem('articles' as never, spring!, { sort: 7 } as never));
		t.true((await admin.request(compareContentVersion(id))).outdated);
		t.like(await sdkError(admin.request(promoteContentVersion(id, compared.mainHash, ['title'] as never))), { status: 422, code: 'UNPROCESSABLE_CONTENT' });
		const fresh = (await admin.request(compareContentVersion(id))).mainHash;
		t.is(String(await admin.request(promoteContentVersion(id, fresh, ['title'] as never))), String(spring));
		t.like(await admin.request(readItem('articles' as never, spring!)), { title: 'Spring, rewritten', status: 'published', sort: 7 });

		t.deepEqual((await admin.request(readContentVersions({ fields: ['key'] } as never))) as unknown[], [{ key: 'draft' }]);
		await admin.request(deleteContentVersion(id));
		t.is(await db.knex('mantle_versions').where({ id }).first(), undefined);
	} finally {
		await running.stop();
	}
});

vendorTest("versions: creating needs read access to the item, and promoting writes with the caller's own permissions", async (t, db) => {
	const running = await startKernel(db);
	try {
		const admin = adminClient(running.url);
		const [open, locked] = await addArticles(running.url, ['Open', 'Locked']);
		await admin.request(updateCollection('articles' as never, { meta: { versioning: true } } as never));
		await db.knex('articles').where({ id: locked }).update({ status: 'archived' });
		const writer = await addPerson(running, db, 'wendy', [
			{ collection: 'directus_versions', action: 'create' },
			{ collection: 'directus_versions', action: 'read' },
			{ collection: 'directus_versions', action: 'update' },
			{ collection: 'articles', action: 'read', permissions: { status: { _eq: 'published' } } },
			{ collection: 'articles', action: 'update', fields: 'title', permissions: { status: { _eq: 'published' } } },
		]);
		t.like(await sdkError(writer.client.request(createContentVersion({ key: 'peek', collection: 'articles', item: String(locked) } as never))), {
			status: 403,
			code: 'FORBIDDEN',
		});
		t.like(await sdkError(writer.client.request(createContentVersion({ key: 'peek', collection: 'directus_users', item: writer.id } as never))), {
			status: 403,
			code: 'FORBIDDEN',
		});

		const mine = (await writer.client.request(createContentVersion({ key: 'mine', collection: 'articles', item: String(open) } as never))) as { id: string };
		await writer.client.request(saveToContentVersion(mine.id, { title: 'Open, edited', status: 'archived' } as never));
		const { mainHash } = await writer.client.request(compareContentVersion(mine.id));
		t.like(
			await sdkError(writer.client.request(promoteContentVersion(mine.id, mainHash))),
			{ status: 403, code: 'FORBIDDEN' },
			'the delta holds a field she may not write',
		);
		t.like(await db.knex('articles').where({ id: open }).first(), { title: 'Open', status: 'published' }, 'nothing of a refused promotion is written');
		t.is(String(await writer.client.request(promoteContentVersion(mine.id, mainHash, ['title'] as never))), String(open));
		t.like(await db.knex('articles').where({ id: open }).first(), { title: 'Open, edited', status: 'published' });

		// A version an admin keeps of a locked item is out of her reach.
		const adminsVersion = (await admin.request(createContentVersion({ key: 'admin', collection: 'articles', item: String(locked) } as never))) as {
			id: string;
		};
		await admin.request(saveToContentVersion(adminsVersion.id, { title: 'Unlocked?' } as never));
		t.like(await sdkError(writer.client.request(compareContentVersion(adminsVersion.id))), { status: 403, code: 'FORBIDDEN' });
		t.like(await sdkError(writer.client.request(promoteContentVersion(adminsVersion.id, 'x'))), { status: 403, code: 'FORBIDDEN' });
		t.like(await sdkError(writer.client.request(saveToContentVersion(adminsVersion.id, { title: 'Mine now' } as never))), { status: 403, code: 'FORBIDDEN' });
		t.like(await db.knex('articles').where({ id: locked }).first(), { title: 'Locked' });
	} finally {
		await running.stop();
	}
});

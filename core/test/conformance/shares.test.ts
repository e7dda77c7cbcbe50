import { authenticateShare, createShare, deleteShare, readItem, readItems, readShare, readShareInfo, readShares, updateItem, updateShare } from '@directus/sdk';
import { vendorTest } from '../helpers/vendor-test.js';
import { startKernel } from '../helpers/kernel.js';
import { api, errorCode } from '../helpers/http.js';
import { addArticles, addPerson } from './groups-fixture.js';
import { adminClient, anonymousClient, sdkError, tokenClient } from './sdk-clients.js';

vendorTest('shares: an item is shared with a password; a visitor signs in and reads that item only', async (t, db) => {
	const running = await startKernel(db);
	try {
		const admin = adminClient(running.url);
		const [spring, autumn] = await addArticles(running.url, ['Spring', 'Autumn']);
		const share = (await admin.request(
			createShare({ name: 'For the printer', collection: 'articles', item: String(spring), password: 'print it', max_uses: 3 } as never),
		)) as Record<string, unknown>;
		t.like(share, { name: 'For the printer', collection: 'articles', item: String(spring), password: '**********', max_uses: 3, times_used: 0 });
		const id = String(share.id);

		const anonymous = anonymousClient(running.url);
		t.like(await anonymous.request(readShareInfo(id)), {
			id,
			collection: 'articles',
			item: String(spring),
			password: true as never,
			max_uses: 3,
			times_used: 0,
		});
		t.like(await sdkError(anonymous.request(authenticateShare(id, 'wrong', 'json'))), { status: 401, code: 'INVALID_CREDENTIALS' });
		const login = await anonymous.request(authenticateShare(id, 'print it', 'json'));
		t.is(typeof login.access_token, 'string');
		t.true(Number(login.expires) > 0);

		const visitor = tokenClient(running.url, login.access_token!);
		t.like(await visitor.request(readItem('articles' as never, spring!)), { id: spring, title: 'Spring' });
		t.deepEqual(
			await visitor.request(readItems('articles' as never, { fields: ['title'] } as never)),
			[{ title: 'Spring' }] as never,
			'the list holds the shared item alone',
		);
		t.like(await sdkError(visitor.request(readItem('articles' as never, autumn!))), { status: 403, code: 'FORBIDDEN' });
		t.like(await sdkError(visitor.request(updateItem('articles' as never, spring!, { title: 'Defaced' } as never))), { status: 403, code: 'FORBIDDEN' });
		t.like(await sdkError(visitor.request(readShares())), { status: 403, code: 'FORBIDDEN' });
		t.is(errorCode(await api(running.url, 'GET', '/users', undefined, login.access_token!)), 'FORBIDDEN');
		t.true([401, 403].includes((await api(running.url, 'GET', '/users/me', undefined, login.access_token!)).status), 'a visitor is nobody');
		t.like(await db.knex('articles').where({ id: spring }).first(), { title: 'Spring' });
		t.like(await anonymous.request(readShareInfo(id)), { times_used: 1 });

		// Uses run out; a deleted share ends its visitors' access at once.
		await anonymous.request(authenticateShare(id, 'print it', 'json'));
		await anonymous.request(authenticateShare(id, 'print it', 'json'));
		t.like(await sdkError(anonymous.request(authenticateShare(id, 'print it', 'json'))), { status: 401, code: 'INVALID_CREDENTIALS' });
		await admin.request(deleteShare(id));
		t.like(await sdkError(visitor.request(readItem('articles' as never, spring!))), { status: 401, code: 'INVALID_CREDENTIALS' });
		t.like(await sdkError(anonymous.request(readShareInfo(id))), { status: 403, code: 'FORBIDDEN' });
	} finally {
		await running.stop();
	}
});

vendorTest('shares: a user shares only what they may share, as their own role, and manages only their own shares', async (t, db) => {
	const running = await startKernel(db);
	try {
		const admin = adminClient(running.url);
		const [published, draft] = await addArticles(running.url, ['Published', 'Draft']);
		await db.knex('articles').where({ id: draft }).update({ status: 'draft' });
		const adminRole = (await db.knex('mantle_users').whereNotNull('role').first('role')).role as string;
		const grants = [
			{ collection: 'articles', action: 'read' as const, fields: 'id,title', permissions: { status: { _eq: 'published' } } },
			{ collection: 'articles', action: 'share' as const },
		];
		const sharer = await addPerson(running, db, 'sam', grants);
		const other = await addPerson(running, db, 'olga', grants);
		const reader = await addPerson(running, db, 'rita', [grants[0]!]);

		t.like(
			await sdkError(reader.client.request(createShare({ collection: 'articles', item: String(published) } as never))),
			{ status: 403, code: 'FORBIDDEN' },
			'no share permission',
		);
		t.like(
			await sdkError(sharer.client.request(createShare({ collection: 'articles', item: String(draft) } as never))),
			{ status: 403, code: 'FORBIDDEN' },
			'an item she may not read',
		);
		t.like(
			await sdkError(sharer.client.request(createShare({ collection: 'articles', item: String(published), role: adminRole } as never))),
			{ status: 403, code: 'FORBIDDEN' },
			'no sharing as the admin role',
		);
		t.like(
			await sdkError(sharer.client.request(createShare({ collection: 'articles', item: String(published), role: null } as never))),
			{ status: 403, code: 'FORBIDDEN' },
			'no sharing without a role, which reads everything',
		);

		t.like(
			await sdkError(sharer.client.request(createShare({ collection: 'articles', item: String(published), user_created: other.id } as never))),
			{ status: 403, code: 'FORBIDDEN' },
			"no share in someone else's name",
		);
		const share = (await sharer.client.request(createShare({ collection: 'articles', item: String(published) } as never))) as Record<string, unknown>;
		t.like(share, { role: sharer.role, user_created: sharer.id });
		const login = await anonymousClient(running.url).request(authenticateShare(String(share.id), undefined, 'json'));
		const visitor = tokenClient(running.url, login.access_token!);
		t.deepEqual(
			await visitor.request(readItem('articles' as never, published!)),
			{ id: published, title: 'Published' } as never,
			'the share reads what its role reads, no more',
		);
		t.like(await sdkError(visitor.request(readItem('articles' as never, published!, { fields: ['status'] } as never))), { status: 403, code: 'FORBIDDEN' });

		// Only the status of the published item kept it readable; once it changes, the share reads nothing.
		await admin.request(updateItem('articles' as never, published!, { status: 'draft' } as never));
		t.like(await sdkError(visitor.request(readItem('articles' as never, published!))), { status: 403, code: 'FORBIDDEN' });

		t.deepEqual(await other.client.request(readShares()), []);
		t.like(await sdkError(other.client.request(readShare(String(share.id)))), { status: 403, code: 'FORBIDDEN' });
		t.like(await sdkError(other.client.request(updateShare(String(share.id), { max_uses: 100 }))), { status: 403, code: 'FORBIDDEN' });
		t.like(await sdkError(other.client.request(deleteShare(String(share.id)))), { status: 403, code: 'FORBIDDEN' });
		t.like(
			await sdkError(sharer.client.request(updateShare(String(share.id), { item: String(draft) } as never))),
			{ status: 403, code: 'FORBIDDEN' },
			'what is shared is fixed',
		);
		t.like(await sdkError(sharer.client.request(updateShare(String(share.id), { role: adminRole } as never))), { status: 403, code: 'FORBIDDEN' });
		t.like(await sharer.client.request(updateShare(String(share.id), { name: 'Renamed', max_uses: 5 })), { name: 'Renamed', max_uses: 5 });
		t.like(await db.knex('mantle_shares').where({ id: share.id }).first(), { item: String(published), role: sharer.role });
		await sharer.client.request(deleteShare(String(share.id)));
		t.is(await db.knex('mantle_shares').where({ id: share.id }).first(), undefined);
	} finally {
		await running.stop();
	}
});

vendorTest('shares: dates bound a share, and forged or foreign tokens get nowhere', async (t, db) => {
	const running = await startKernel(db);
	try {
		const admin = adminClient(running.url);
		const [spring] = await addArticles(running.url, ['Spring']);
		const future = (await admin.request(
			createShare({ collection: 'articles', item: String(spring), date_start: new Date(Date.now() + 86_400_000).toISOString() } as never),
		)) as { id: string };
		const past = (await admin.request(
			createShare({ collection: 'articles', item: String(spring), date_end: new Date(Date.now() - 86_400_000).toISOString() } as never),
		)) as { id: string };
		const anonymous = anonymousClient(running.url);
		t.like(await sdkError(anonymous.request(authenticateShare(future.id, undefined, 'json'))), { status: 401, code: 'INVALID_CREDENTIALS' });
		t.like(await sdkError(anonymous.request(authenticateShare(past.id, undefined, 'json'))), { status: 401, code: 'INVALID_CREDENTIALS' });
		t.like(await sdkError(anonymous.request(authenticateShare('00000000-0000-4000-8000-000000000000', undefined, 'json'))), {
			status: 401,
			code: 'INVALID_CREDENTIALS',
		});
		t.like(await sdkError(anonymous.request(authenticateShare('not-a-uuid', 'x', 'json'))), { status: 401, code: 'INVALID_CREDENTIALS' });

		// A token signed with another secret, or with the share claim grafted onto a made-up payload, is refused.
		const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
		const payload = Buffer.from(JSON.stringify({ share: past.id, scope: 'share', iss: 'mantle', exp: Math.floor(Date.now() / 1000) + 600 })).toString(
			'base64url',
		);
		const forged = `${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;
		t.is((await api(running.url, 'GET', `/items/articles/${spring}`, undefined, forged)).status, 401);
		const none = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${payload}.`;
		t.is((await api(running.url, 'GET', `/items/articles/${spring}`, undefined, none)).status, 401);
	} finally {
		await running.stop();
	}
});

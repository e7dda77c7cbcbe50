import { generateHash, randomString, readItems, utilitySort, verifyHash } from '@directus/sdk';
import { vendorTest } from '../helpers/vendor-test.js';
import { startKernel } from '../helpers/kernel.js';
import { addArticles, addPerson } from './groups-fixture.js';
import { adminClient, anonymousClient, sdkError } from './sdk-clients.js';

const titlesInOrder = async (client: ReturnType<typeof adminClient>) =>
	((await client.request(readItems('articles' as never, { sort: ['sort'], fields: ['title'] } as never))) as Array<{ title: string }>).map((row) => row.title);

vendorTest('utils: hashes are argon2 and verify; random strings have the length asked for', async (t, db) => {
	const running = await startKernel(db);
	try {
		const admin = adminClient(running.url);
		const hash = await admin.request(generateHash('correct horse'));
		t.regex(hash, /^\$argon2id\$/);
		t.true(await admin.request(verifyHash('correct horse', hash)));
		t.false(await admin.request(verifyHash('wrong horse', hash)));
		t.false(await admin.request(verifyHash('correct horse', 'not-a-hash')), 'a malformed hash matches nothing');
		t.like(await sdkError(admin.request(generateHash(''))), { status: 400, code: 'INVALID_PAYLOAD' });
		t.like(await sdkError(admin.request(generateHash('x'.repeat(5000)))), { status: 400, code: 'INVALID_PAYLOAD' });
		t.like(await sdkError(anonymousClient(running.url).request(generateHash('spend your CPU'))), { status: 403, code: 'FORBIDDEN' });
		const user = await addPerson(running, db, 'ursula');
		t.true(await user.client.request(verifyHash('correct horse', hash)));

		const anonymous = anonymousClient(running.url);
		const defaultLength = await anonymous.request(randomString());
		t.regex(defaultLength, /^[A-Za-z0-9_-]{32}$/);
		t.regex(await anonymous.request(randomString(100)), /^[A-Za-z0-9_-]{100}$/);
		t.not(await anonymous.request(randomString(16)), await anonymous.request(randomString(16)));
		t.like(await sdkError(anonymous.request(randomString(501))), { status: 400, code: 'INVALID_QUERY' });
		t.like(await sdkError(anonymous.request(randomString(0))), { status: 400, code: 'INVALID_QUERY' });
	} finally {
		await running.stop();
	}
});

vendorTest("utils: sort moves an item to another's place in the sort field, through the caller's permissions", async (t, db) => {
	const running = await startKernel(db);
	try {
		const admin = adminClient(running.url);
		const [a, b, c, d] = await addArticles(running.url, ['A', 'B', 'C', 'D']);
		await admin.request(utilitySort('articles' as never, String(d), a!));
		t.deepEqual(await titlesInOrder(admin), ['D', 'A', 'B', 'C']);
		await admin.request(utilitySort('articles' as never, String(d), c!));
		t.deepEqual(await titlesInOrder(admin), ['A', 'B', 'C', 'D']);
		await admin.request(utilitySort('articles' as never, String(a), c!));
		t.deepEqual(await titlesInOrder(admin), ['B', 'C', 'A', 'D']);

		// Rows never sorted are numbered first, in key order.
		await db.knex('articles').update({ sort: null });
		await admin.request(utilitySort('articles' as never, String(b), a!));
		t.deepEqual(await titlesInOrder(admin), ['B', 'A', 'C', 'D']);

		const reader = await addPerson(running, db, 'rita', [{ collection: 'articles', action: 'read' }]);
		const before = await titlesInOrder(admin);
		t.like(await sdkError(reader.client.request(utilitySort('articles' as never, String(d), a!))), { status: 403, code: 'FORBIDDEN' });
		t.deepEqual(await titlesInOrder(admin), before, 'a refused sort changes nothing');
		t.like(await sdkError(reader.client.request(utilitySort('directus_users' as never, reader.id, 1))), { status: 403, code: 'FORBIDDEN' });
		t.like(await sdkError(admin.request(utilitySort('articles' as never, String(a), 424242))), { status: 403, code: 'FORBIDDEN' });
		t.like(
			await sdkError(admin.request(utilitySort('directus_roles' as never, 'x', 1))),
			{ status: 400, code: 'INVALID_PAYLOAD' },
			'a collection without a sort field',
		);
	} finally {
		await running.stop();
	}
});

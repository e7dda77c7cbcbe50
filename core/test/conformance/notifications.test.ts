import {
	createNotification,
	createNotifications,
	deleteNotification,
	readNotification,
	readNotifications,
	updateNotification,
	updateNotifications,
} from '@directus/sdk';
import { vendorTest } from '../helpers/vendor-test.js';
import { startKernel } from '../helpers/kernel.js';
import { addPerson } from './groups-fixture.js';
import { adminClient, anonymousClient, sdkError } from './sdk-clients.js';

vendorTest('notifications: a user reads their own and archives them; sending and deleting take a permission', async (t, db) => {
	const running = await startKernel(db);
	try {
		const admin = adminClient(running.url);
		const ann = await addPerson(running, db, 'ann');
		const bob = await addPerson(running, db, 'bob');
		// The SDK types notification keys as strings; Directus (and Mantle) number them.
		const [forAnn, forBob] = (await admin.request(
			createNotifications([
				{ recipient: ann.id, subject: 'Review "Spring"', message: 'Please have a look.', collection: 'articles', item: '1' },
				{ recipient: bob.id, subject: 'Salary review', message: 'Private to Bob.' },
			] as never),
		)) as unknown as Array<{ id: string }>;
		t.is(typeof forAnn!.id, 'number');

		const inbox = await ann.client.request(readNotifications({ filter: { status: { _eq: 'inbox' } } } as never));
		t.deepEqual(
			(inbox as Array<Record<string, unknown>>).map(({ id, subject, status, recipient }) => ({ id, subject, status, recipient })),
			[{ id: forAnn!.id as unknown, subject: 'Review "Spring"', status: 'inbox', recipient: ann.id }],
		);
		t.like(await ann.client.request(readNotification(forAnn!.id)), { message: 'Please have a look.', collection: 'articles', item: '1' });
		t.like(await ann.client.request(updateNotification(forAnn!.id, { status: 'archived' })), { id: forAnn!.id, status: 'archived' });
		t.like(await db.knex('mantle_notifications').where({ id: forAnn!.id }).first(), { status: 'archived' });
		t.deepEqual(await ann.client.request(readNotifications({ filter: { status: { _eq: 'inbox' } } } as never)), []);

		// Someone else's notification does not exist for Ann.
		t.like(await sdkError(ann.client.request(readNotification(forBob!.id))), { status: 403, code: 'FORBIDDEN' });
		t.like(await sdkError(ann.client.request(updateNotification(forBob!.id, { status: 'archived' }))), { status: 403, code: 'FORBIDDEN' });
		t.like(
			await sdkError(ann.client.request(updateNotifications([forAnn!.id, forBob!.id], { status: 'inbox' }))),
			{ status: 403, code: 'FORBIDDEN' },
			'one foreign key spoils the batch',
		);
		t.like(await db.knex('mantle_notifications').where({ id: forBob!.id }).first(), { status: 'inbox' });
		t.like(await db.knex('mantle_notifications').where({ id: forAnn!.id }).first(), { status: 'archived' }, 'nothing of a refused batch is written');
		// Only the status is hers to change: not the text, not who it is for.
		t.like(await sdkError(ann.client.request(updateNotification(forAnn!.id, { recipient: bob.id } as never))), { status: 403, code: 'FORBIDDEN' });
		t.like(await sdkError(ann.client.request(updateNotification(forAnn!.id, { subject: 'Forged' } as never))), { status: 403, code: 'FORBIDDEN' });
		// Sending as someone, to anyone, or deleting, takes a permission she does not have.
		t.like(await sdkError(ann.client.request(createNotification({ recipient: bob.id, subject: 'Phish' } as never))), { status: 403, code: 'FORBIDDEN' });
		t.like(await sdkError(ann.client.request(deleteNotification(forAnn!.id))), { status: 403, code: 'FORBIDDEN' });
		t.like(await sdkError(ann.client.request(readNotifications({ fields: ['recipient.email'] } as never))), { status: 400, code: 'INVALID_QUERY' });
		t.like(await sdkError(anonymousClient(running.url).request(readNotifications())), { status: 403, code: 'FORBIDDEN' });

		await admin.request(deleteNotification(forBob!.id));
		t.is(await db.knex('mantle_notifications').where({ id: forBob!.id }).first(), undefined);
	} finally {
		await running.stop();
	}
});

vendorTest('notifications: a role allowed to send notifications sends them; its members still read only their own', async (t, db) => {
	const running = await startKernel(db);
	try {
		const ann = await addPerson(running, db, 'ann');
		const sender = await addPerson(running, db, 'sender', [{ collection: 'directus_notifications', action: 'create' }]);
		const sent = await sender.client.request(createNotification({ recipient: ann.id, subject: 'Hello from a flow' } as never));
		t.is((sent as unknown as Response).status, 204, 'the sender may not read it back: the SDK hands over the bare 204 response');
		t.like(await db.knex('mantle_notifications').where({ recipient: ann.id }).first(), { subject: 'Hello from a flow', status: 'inbox' });
		t.deepEqual(await sender.client.request(readNotifications()), []);
		t.is(((await ann.client.request(readNotifications())) as unknown[]).length, 1);
	} finally {
		await running.stop();
	}
});

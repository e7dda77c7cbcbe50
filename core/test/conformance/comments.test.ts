import { createComment, createComments, deleteComment, readComment, readComments, updateComment } from '@directus/sdk';
import { rowCount } from '../helpers/databases.js';
import { vendorTest } from '../helpers/vendor-test.js';
import { startKernel } from '../helpers/kernel.js';
import { addArticles, addPerson } from './groups-fixture.js';
import { adminClient, anonymousClient, sdkError } from './sdk-clients.js';

vendorTest('comments: users comment on items they may read, read the thread, and edit or delete only their own', async (t, db) => {
	const running = await startKernel(db);
	try {
		const admin = adminClient(running.url);
		const [spring] = await addArticles(running.url, ['Spring']);
		const readArticles = { collection: 'articles', action: 'read' as const };
		const ann = await addPerson(running, db, 'ann', [readArticles]);
		const bob = await addPerson(running, db, 'bob', [readArticles]);

		const first = (await ann.client.request(createComment({ collection: 'articles', item: String(spring), comment: 'Needs a picture.' }))) as Record<
			string,
			unknown
		>;
		t.like(first, { collection: 'articles', item: String(spring), comment: 'Needs a picture.', user_created: ann.id });
		t.regex(String(first.id), /^[0-9a-f-]{36}$/);
		t.truthy(first.date_created);
		const reply = (await bob.client.request(
			createComment({ collection: 'articles', item: String(spring), comment: 'Added one.', user_created: ann.id } as never),
		)) as Record<string, unknown>;
		t.is(reply.user_created, bob.id, 'the author is whoever is signed in, whatever the payload says');

		const thread = (await ann.client.request(
			readComments({
				filter: { collection: { _eq: 'articles' }, item: { _eq: String(spring) } },
				sort: ['date_created', 'comment'],
				fields: ['comment', 'user_created'],
			} as never),
		)) as unknown[];
		t.deepEqual(thread.map((row) => JSON.stringify(row)).sort(), [
			JSON.stringify({ comment: 'Added one.', user_created: bob.id }),
			JSON.stringify({ comment: 'Needs a picture.', user_created: ann.id }),
		]);
		t.like(await ann.client.request(readComment(String(first.id))), { comment: 'Needs a picture.' });

		const edited = (await ann.client.request(updateComment(String(first.id), { comment: 'Needs two pictures.' }))) as Record<string, unknown>;
		t.like(edited, { comment: 'Needs two pictures.', user_updated: ann.id });
		t.like(await sdkError(ann.client.request(updateComment(String(reply.id), { comment: 'Bob said nothing.' }))), { status: 403, code: 'FORBIDDEN' });
		t.like(await sdkError(ann.client.request(deleteComment(String(reply.id)))), { status: 403, code: 'FORBIDDEN' });
		t.like(
			await sdkError(ann.client.request(updateComment(String(first.id), { item: '999' } as never))),
			{ status: 400, code: 'INVALID_PAYLOAD' },
			'a comment cannot be moved to another item',
		);
		await ann.client.request(deleteComment(String(first.id)));
		await admin.request(deleteComment(String(reply.id)));
		t.is(await rowCount(db.knex('mantle_comments')), 0);

		const many = (await admin.request(
			createComments([
				{ collection: 'articles', item: String(spring), comment: 'One' },
				{ collection: 'articles', item: String(spring), comment: 'Two' },
			]),
		)) as unknown[];
		t.is(many.length, 2);
	} finally {
		await running.stop();
	}
});

vendorTest('comments: nobody comments on, or reads comments of, items they may not read', async (t, db) => {
	const running = await startKernel(db);
	try {
		const admin = adminClient(running.url);
		const [published, draft] = await addArticles(running.url, ['Public', 'Hidden draft']);
		await db.knex('articles').where({ id: draft }).update({ status: 'draft' });
		const reader = await addPerson(running, db, 'rita', [{ collection: 'articles', action: 'read', permissions: { status: { _eq: 'published' } } }]);
		const outsider = await addPerson(running, db, 'otto');
		await admin.request(createComment({ collection: 'articles', item: String(draft), comment: 'Embargoed until Friday.' }));
		await admin.request(createComment({ collection: 'articles', item: String(published), comment: 'Looks good.' }));

		t.like(await sdkError(reader.client.request(createComment({ collection: 'articles', item: String(draft), comment: 'Peek' }))), {
			status: 403,
			code: 'FORBIDDEN',
		});
		t.like(
			await sdkError(reader.client.request(createComment({ collection: 'articles', item: '424242', comment: 'Ghost' }))),
			{ status: 403, code: 'FORBIDDEN' },
			'a missing item looks like a forbidden one',
		);
		t.like(await sdkError(reader.client.request(createComment({ collection: 'directus_users', item: reader.id, comment: 'x' }))), {
			status: 403,
			code: 'FORBIDDEN',
		});
		t.like(await sdkError(outsider.client.request(createComment({ collection: 'articles', item: String(published), comment: 'Hi' }))), {
			status: 403,
			code: 'FORBIDDEN',
		});
		t.like(await sdkError(reader.client.request(createComment({ collection: 'articles', item: String(published) } as never))), {
			status: 400,
			code: 'INVALID_PAYLOAD',
		});

		t.deepEqual(await reader.client.request(readComments({ fields: ['comment'] })), [{ comment: 'Looks good.' }] as never, "the draft's comment stays hidden");
		t.deepEqual(await outsider.client.request(readComments({ fields: ['comment'] })), []);
		const hidden = await db
			.knex('mantle_comments')
			.where({ item: String(draft) })
			.first('id');
		t.like(await sdkError(reader.client.request(readComment(hidden.id))), { status: 403, code: 'FORBIDDEN' });
		t.like(
			await sdkError(reader.client.request(readComments({ filter: { comment: { _contains: 'Embargo' } }, aggregate: { count: '*' } } as never))),
			{ status: 400, code: 'INVALID_QUERY' },
			'no counting around the rule',
		);
		t.like(await sdkError(reader.client.request(readComments({ fields: ['user_created.email'] } as never))), { status: 400, code: 'INVALID_QUERY' });
		t.like(await sdkError(anonymousClient(running.url).request(readComments())), { status: 403, code: 'FORBIDDEN' });
		t.is(await rowCount(db.knex('mantle_comments')), 2, 'nothing was written by the refused calls');
	} finally {
		await running.stop();
	}
});

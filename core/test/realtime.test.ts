import { vendorTest } from './helpers/vendor-test.js';
import { startKernel, adminToken } from './helpers/kernel.js';
import { api } from './helpers/http.js';
import { openSocket, readerToken, setUpNotes, type Message } from './helpers/realtime.js';

const isEvent = (uid: string, event: string) => (message: Message) => message.type === 'subscription' && message.uid === uid && message.event === event;

vendorTest('a restricted subscriber receives the rows and fields it may read, a row leaving its filter as a delete, and nothing else', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		await setUpNotes(url, db);
		const first = (await api(url, 'POST', '/items/notes', { title: 'old', status: 'published', secret: 's1' })).body.data.id;
		await api(url, 'POST', '/items/notes', { title: 'hidden', status: 'draft', secret: 's2' });
		const reader = await openSocket(url);
		reader.send({ type: 'auth', access_token: readerToken });
		t.like(await reader.next((m) => m.type === 'auth'), { status: 'ok' });
		reader.send({ type: 'subscribe', collection: 'notes', uid: 'notes', query: { fields: ['*'], sort: ['id'] } });
		const init = await reader.next(isEvent('notes', 'init'));
		t.deepEqual(init.data, [{ id: first, title: 'old', status: 'published' }], 'init holds published rows, without the hidden field');

		const draft = (await api(url, 'POST', '/items/notes', { title: 'draft', status: 'draft', secret: 's3' })).body.data.id;
		const shown = (await api(url, 'POST', '/items/notes', { title: 'new', status: 'published', secret: 's4' })).body.data.id;
		const created = await reader.next(isEvent('notes', 'create'));
		t.deepEqual(created.data, [{ id: shown, title: 'new', status: 'published' }], 'the first create heard is the published one: the draft was never sent');

		await api(url, 'PATCH', `/items/notes/${draft}`, { title: 'still a draft' });
		await api(url, 'PATCH', `/items/notes/${shown}`, { title: 'renamed' });
		const updated = await reader.next(isEvent('notes', 'update'));
		t.deepEqual(updated.data, [{ id: shown, title: 'renamed', status: 'published' }]);

		await api(url, 'PATCH', `/items/notes/${first}`, { status: 'draft' });
		const left = await reader.next(isEvent('notes', 'delete'));
		t.deepEqual(left.data, [first], 'a row that leaves the filter is a delete for this subscriber');

		await api(url, 'DELETE', `/items/notes/${draft}`);
		await api(url, 'DELETE', `/items/notes/${shown}`);
		const deleted = await reader.next(isEvent('notes', 'delete'));
		t.deepEqual(deleted.data, [shown], 'the delete of a row it never saw is not mentioned');
		await reader.settle();
		t.false(
			reader.messages.some((m) => JSON.stringify(m).includes('"secret"') || JSON.stringify(m).includes('s3')),
			'no hidden field or hidden row in anything sent',
		);
		reader.close();
	} finally {
		await stop();
	}
});

vendorTest('unsubscribe stops events; items over the socket go through the same permissions', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		await setUpNotes(url, db);
		const reader = await openSocket(url, { token: readerToken });
		reader.send({ type: 'subscribe', collection: 'notes', uid: 'a' });
		reader.send({ type: 'subscribe', collection: 'notes', uid: 'b', query: { fields: ['title'] } });
		await reader.next(isEvent('a', 'init'));
		await reader.next(isEvent('b', 'init'));
		reader.send({ type: 'unsubscribe', uid: 'a' });
		await reader.settle();
		await api(url, 'POST', '/items/notes', { title: 'after', status: 'published' });
		t.deepEqual((await reader.next(isEvent('b', 'create'))).data, [{ title: 'after' }], 'fields limit the row; the key is not added');
		await reader.settle();
		t.false(
			reader.messages.some((m) => m.uid === 'a' && m.event === 'create'),
			'the unsubscribed uid hears nothing',
		);

		reader.send({ type: 'items', collection: 'notes', action: 'create', data: { title: 'mine', status: 'published' }, uid: 'c1' });
		t.like(await reader.next((m) => m.uid === 'c1'), { type: 'items', status: 'error', error: { code: 'FORBIDDEN' } });
		reader.send({ type: 'items', collection: 'notes', action: 'read', query: { fields: ['title', 'secret'] }, uid: 'r1' });
		t.like(await reader.next((m) => m.uid === 'r1'), { status: 'error', error: { code: 'FORBIDDEN' } }, 'a hidden field cannot be asked for');
		reader.send({ type: 'items', collection: 'notes', action: 'read', query: { fields: ['title'] }, uid: 'r2' });
		t.deepEqual((await reader.next((m) => m.uid === 'r2')).data, [{ title: 'after' }]);

		const admin = await openSocket(url, { token: adminToken });
		admin.send({ type: 'items', collection: 'notes', action: 'create', data: { title: 'by socket', status: 'draft', secret: 'x' }, uid: 'c2' });
		const made = await admin.next((m) => m.uid === 'c2');
		t.like(made, { type: 'items', data: { title: 'by socket', secret: 'x' } });
		admin.send({ type: 'items', collection: 'notes', action: 'update', id: made.data.id, data: { status: 'published' }, uid: 'u1' });
		t.like(await admin.next((m) => m.uid === 'u1'), { data: { status: 'published' } });
		t.deepEqual((await reader.next(isEvent('b', 'update'))).data, [{ title: 'by socket' }], 'a socket write reaches subscribers as a REST write does');
		admin.send({ type: 'items', collection: 'notes', action: 'delete', id: made.data.id, uid: 'd1' });
		t.like(await admin.next((m) => m.uid === 'd1'), { type: 'items', data: made.data.id });
		admin.close();
		reader.close();
	} finally {
		await stop();
	}
});

import { randomUUID } from 'node:crypto';
import test from 'ava';
import { createTestDatabase } from './helpers/databases.js';
import { startKernel } from './helpers/kernel.js';
import { api } from './helpers/http.js';
import { openSocket, readerToken, setUpNotes, type TestSocket } from './helpers/realtime.js';

test('subscribers sharing a permission set and query share one read per change, however many they are', async (t) => {
	const db = await createTestDatabase('sqlite');
	const { url, stop, kernel } = await startKernel(db);
	try {
		await setUpNotes(url, db);
		const sockets: TestSocket[] = [];
		for (let i = 0; i < 20; i++) {
			const socket = await openSocket(url, { token: readerToken });
			socket.send({ type: 'subscribe', collection: 'notes', uid: 'n', query: { fields: ['title'] } });
			await socket.next((m) => m.event === 'init');
			sockets.push(socket);
		}
		// The row is written beside the kernel and its change announced on the bus, so the only reads of notes are the subscribers'.
		const [id] = await db.knex('notes').insert({ title: 'shared', status: 'published' }, ['id']);
		const key = typeof id === 'object' ? id.id : id;
		const reads: string[] = [];
		const count = (query: { sql: string }) => {
			if (/^select/i.test(query.sql) && query.sql.includes('notes')) reads.push(query.sql);
		};
		kernel.database.knex.on('query', count);
		kernel.bus.action('items.create', { collection: 'notes', key }, null);
		for (const socket of sockets) t.deepEqual((await socket.next((m) => m.event === 'create')).data, [{ title: 'shared' }]);
		kernel.database.knex.off('query', count);
		t.is(reads.length, 1, `one read for 20 subscribers: ${reads.join(' | ')}`);
		for (const socket of sockets) socket.close();
	} finally {
		await stop();
		await db.drop();
	}
});

test('a read rule naming $CURRENT_USER keeps each subscriber to their own rows, though they share a role', async (t) => {
	const db = await createTestDatabase('sqlite');
	const { url, stop } = await startKernel(db);
	try {
		const { role } = await setUpNotes(url, db);
		const policy = (await api(url, 'POST', '/policies', { name: 'Own notes' })).body.data.id;
		await api(url, 'POST', '/access', { role, policy });
		await api(url, 'POST', '/fields/notes', { field: 'owner', type: 'uuid' });
		await api(url, 'POST', '/permissions', {
			policy,
			collection: 'notes',
			action: 'read',
			fields: 'id,title,owner',
			permissions: { owner: { _eq: '$CURRENT_USER' } },
		});
		const [ann, bob] = [randomUUID(), randomUUID()];
		const tokens = { [ann]: 'realtime-ann-token-0123456789abcdef', [bob]: 'realtime-bob-token-0123456789abcdef' };
		for (const [id, email] of [
			[ann, 'ann@example.com'],
			[bob, 'bob@example.com'],
		] as const)
			await db.knex('mantle_users').insert({ id, email, status: 'active', role, token: tokens[id] });
		const socketOf = async (user: string) => {
			const socket = await openSocket(url, { token: tokens[user] });
			socket.send({ type: 'subscribe', collection: 'notes', uid: 'own', query: { fields: ['title'] } });
			await socket.next((m) => m.event === 'init');
			return socket;
		};
		const [annSocket, bobSocket] = [await socketOf(ann), await socketOf(bob)];
		await api(url, 'POST', '/items/notes', { title: "ann's draft", status: 'draft', owner: ann });
		await api(url, 'POST', '/items/notes', { title: "bob's draft", status: 'draft', owner: bob });
		t.deepEqual((await annSocket.next((m) => m.event === 'create')).data, [{ title: "ann's draft" }]);
		t.deepEqual((await bobSocket.next((m) => m.event === 'create')).data, [{ title: "bob's draft" }]);
		await annSocket.settle();
		await bobSocket.settle();
		t.is(annSocket.messages.filter((m) => m.event === 'create').length, 1, "ann never hears of bob's note");
		t.is(bobSocket.messages.filter((m) => m.event === 'create').length, 1, "bob never hears of ann's note");
		annSocket.close();
		bobSocket.close();
	} finally {
		await stop();
		await db.drop();
	}
});

test('a bulk write of 1,200 items reaches a subscriber whole, read in slices', async (t) => {
	const db = await createTestDatabase('sqlite');
	const { url, stop } = await startKernel(db);
	try {
		await setUpNotes(url, db);
		const socket = await openSocket(url, { token: readerToken });
		socket.send({ type: 'subscribe', collection: 'notes', uid: 'bulk', query: { fields: ['id'] } });
		await socket.next((m) => m.event === 'init');
		const created = await api(
			url,
			'POST',
			'/items/notes',
			Array.from({ length: 1200 }, (_, i) => ({ title: `n${i}`, status: i % 2 === 0 ? 'published' : 'draft' })),
		);
		t.is(created.status, 200);
		const seen = new Set<number>();
		while (seen.size < 600) for (const row of (await socket.next((m) => m.event === 'create')).data) seen.add(row.id);
		await socket.settle();
		const published = new Set((await db.knex('notes').where({ status: 'published' }).pluck('id')).map(Number));
		const delivered = socket.messages.filter((m) => m.event === 'create').flatMap((m) => m.data.map((row: { id: number }) => row.id));
		t.is(delivered.length, 600, 'every published note once');
		t.true(
			delivered.every((id) => published.has(id)),
			'and no draft',
		);
		socket.close();
	} finally {
		await stop();
		await db.drop();
	}
});

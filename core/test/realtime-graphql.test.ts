import test from 'ava';
import { createTestDatabase } from './helpers/databases.js';
import { startKernel } from './helpers/kernel.js';
import { graphqlWsClients, subscribe, endOf } from './helpers/graphql-ws.js';
import { api } from './helpers/http.js';
import { readerToken, setUpNotes } from './helpers/realtime.js';
import { eventually } from './helpers/wait.js';

test('graphql-ws subscriptions at /graphql: <collection>_mutated delivers what the subscriber may read, and hidden fields do not exist', async (t) => {
	const db = await createTestDatabase('sqlite');
	const { url, stop, kernel } = await startKernel(db);
	const { connect, disposeAll } = graphqlWsClients(url);
	try {
		await setUpNotes(url, db);
		const reader = connect(readerToken);
		const live = subscribe(reader, 'subscription { notes_mutated { key event data { id title } } }');
		// A subscription has no acknowledgement in graphql-ws: the kernel's hub says when it is in place.
		t.true(await eventually(() => kernel.realtime.hub.size === 1));
		await api(url, 'POST', '/items/notes', { title: 'draft', status: 'draft', secret: 'x' });
		const published = (await api(url, 'POST', '/items/notes', { title: 'news', status: 'published', secret: 'y' })).body.data.id;
		t.deepEqual(await live.next(), { data: { notes_mutated: { key: String(published), event: 'create', data: { id: String(published), title: 'news' } } } });
		await api(url, 'PATCH', `/items/notes/${published}`, { status: 'draft' });
		t.deepEqual((await live.next()).data.notes_mutated, { key: String(published), event: 'delete', data: null }, 'leaving the filter is a delete');
		live.stop();

		t.true(await eventually(() => kernel.realtime.hub.size === 0), 'a stopped subscription leaves the hub');
		const deletes = subscribe(connect(readerToken), 'subscription { notes_mutated(event: delete) { key event } }');
		t.true(await eventually(() => kernel.realtime.hub.size === 1));
		const again = (await api(url, 'POST', '/items/notes', { title: 'short-lived', status: 'published' })).body.data.id;
		await api(url, 'DELETE', `/items/notes/${again}`);
		t.deepEqual((await deletes.next()).data.notes_mutated, { key: String(again), event: 'delete' }, 'event: delete hears the delete and not the create');
		deletes.stop();

		const hidden = subscribe(connect(readerToken), 'subscription { notes_mutated { data { secret } } }');
		const refused = (await hidden.next().catch((error: { failure?: unknown }) => error.failure)) as unknown;
		t.regex(JSON.stringify(refused), /secret/, 'a hidden field is not in the schema: the subscription is refused naming it');

		// As graphql-ws clients usually sign in: the token in connection_init's payload, none in the URL.
		const initialized = subscribe(connect(undefined, { access_token: readerToken }), 'subscription { notes_mutated { key event } }');
		t.true(await eventually(() => kernel.realtime.hub.size === 1), 'a token in connection_init signs the socket in');
		const viaInit = (await api(url, 'POST', '/items/notes', { title: 'via init', status: 'published' })).body.data.id;
		t.deepEqual((await initialized.next()).data.notes_mutated, { key: String(viaInit), event: 'create' });
		initialized.stop();
		t.true(await eventually(() => kernel.realtime.hub.size === 0));
		const forged = subscribe(connect(undefined, { access_token: 'not-a-token-anyone-issued' }), 'subscription { notes_mutated { key } }');
		const closed = (await forged.next().catch((error: { failure?: unknown }) => error.failure)) as { code?: number } | undefined;
		t.is(closed?.code, 4403, 'a token the kernel does not accept closes the socket as Forbidden');

		const anonymous = subscribe(connect(), 'subscription { notes_mutated { key } }');
		const nothing = (await anonymous.next().catch((error: { failure?: unknown }) => error.failure)) as unknown;
		t.truthy(nothing, 'the public, who may not read notes, cannot subscribe to them');
	} finally {
		await disposeAll();
		await stop();
		await db.drop();
	}
});

test('a graphql-ws subscriber who is suspended, or whose role changes, is cut off with the reason and hears no further change', async (t) => {
	const db = await createTestDatabase('sqlite');
	const { url, stop, kernel } = await startKernel(db);
	const { connect, disposeAll } = graphqlWsClients(url);
	try {
		const { user } = await setUpNotes(url, db);
		const live = subscribe(connect(readerToken), 'subscription { notes_mutated { key event } }');
		t.true(await eventually(() => kernel.realtime.hub.size === 1));
		const first = (await api(url, 'POST', '/items/notes', { title: 'first', status: 'published' })).body.data.id;
		t.deepEqual((await live.next()).data.notes_mutated, { key: String(first), event: 'create' });

		await api(url, 'PATCH', `/users/${user}`, { status: 'suspended' });
		const suspended = await endOf(live);
		t.is(suspended.code, 4403);
		t.regex(String(suspended.reason), /access was withdrawn/);
		t.true(await eventually(() => kernel.realtime.hub.size === 0), 'its subscriptions leave the hub: nothing more is read or delivered for it');

		// Back in, then moved to a role of its own: the subscription's rules are no longer the user's.
		await api(url, 'PATCH', `/users/${user}`, { status: 'active' });
		const again = subscribe(connect(readerToken), 'subscription { notes_mutated { key event } }');
		t.true(await eventually(() => kernel.realtime.hub.size === 1));
		const second = (await api(url, 'POST', '/items/notes', { title: 'second', status: 'published' })).body.data.id;
		t.deepEqual((await again.next()).data.notes_mutated, { key: String(second), event: 'create' });
		const role = (await api(url, 'POST', '/roles', { name: 'Nobody' })).body.data.id;
		await api(url, 'PATCH', `/users/${user}`, { role });
		const moved = await endOf(again);
		t.is(moved.code, 4403);
		t.regex(String(moved.reason), /access changed/);
		t.true(await eventually(() => kernel.realtime.hub.size === 0));
	} finally {
		await disposeAll();
		await stop();
		await db.drop();
	}
});

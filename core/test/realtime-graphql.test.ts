import test from 'ava';
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { createTestDatabase } from './helpers/databases.js';
import { startKernel } from './helpers/kernel.js';
import { api } from './helpers/http.js';
import { readerToken, setUpNotes } from './helpers/realtime.js';
import { eventually } from './helpers/wait.js';

/** Runs one subscription and hands back each result as it comes, until `stop()`. */
function subscribe(client: Client, query: string) {
	const results: Array<Record<string, any>> = [];
	let failure: unknown;
	let wake: (() => void) | undefined;
	const stop = client.subscribe(
		{ query },
		{
			next: (result) => {
				results.push(result as Record<string, any>);
				wake?.();
			},
			error: (error) => {
				failure = error;
				wake?.();
			},
			complete: () => wake?.(),
		},
	);
	const next = async (ms = 10_000) => {
		const deadline = Date.now() + ms;
		while (results.length === 0 && failure === undefined && Date.now() < deadline)
			await new Promise<void>((resolve) => {
				wake = resolve;
				setTimeout(resolve, 100);
			});
		if (failure !== undefined) throw Object.assign(new Error('subscription failed'), { failure });
		if (results.length === 0) throw new Error(`no result within ${ms} ms`);
		return results.shift()!;
	};
	return { next, stop };
}

test('graphql-ws subscriptions at /graphql: <collection>_mutated delivers what the subscriber may read, and hidden fields do not exist', async (t) => {
	const db = await createTestDatabase('sqlite');
	const { url, stop, kernel } = await startKernel(db);
	const clients: Client[] = [];
	try {
		await setUpNotes(url, db);
		const connect = (token?: string, connectionParams?: Record<string, unknown>) => {
			const client = createClient({
				url: `${url.replace(/^http/, 'ws')}/graphql${token ? `?access_token=${token}` : ''}`,
				webSocketImpl: WebSocket,
				retryAttempts: 0,
				lazy: false,
				// A refused connection reaches the subscription's error handler; graphql-ws would also print it.
				onNonLazyError: () => undefined,
				...(connectionParams ? { connectionParams } : {}),
			});
			clients.push(client);
			return client;
		};
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
		for (const client of clients) await client.dispose();
		await stop();
		await db.drop();
	}
});

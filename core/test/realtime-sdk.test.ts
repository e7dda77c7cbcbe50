import test from 'ava';
import WebSocket from 'ws';
import { createDirectus, realtime, staticToken } from '@directus/sdk';
import { createTestDatabase } from './helpers/databases.js';
import { startKernel } from './helpers/kernel.js';
import { api } from './helpers/http.js';
import { readerToken, setUpNotes } from './helpers/realtime.js';

interface Note {
	id: number;
	title: string;
	status: string;
	secret: string;
}

test("@directus/sdk's realtime() client, as a restricted role, receives the events it should and none it should not", async (t) => {
	const db = await createTestDatabase('sqlite');
	const { url, stop } = await startKernel(db);
	try {
		await setUpNotes(url, db);
		await api(url, 'POST', '/items/notes', { title: 'first', status: 'published', secret: 's0' });
		// Node 20 has no global WebSocket; the SDK takes one from its globals.
		const client = createDirectus<{ notes: Note[] }>(url, { globals: { WebSocket: WebSocket as never } })
			.with(staticToken(readerToken))
			.with(realtime({ heartbeat: true, reconnect: false }));
		await client.connect();
		const { subscription, unsubscribe } = await client.subscribe('notes', { query: { fields: ['*'] } });
		const received: Array<{ event: string; data: unknown }> = [];
		const writes = (async () => {
			// Each write waits for the subscription to be in place: the init message comes first.
			while (received.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
			await api(url, 'POST', '/items/notes', { title: 'draft', status: 'draft', secret: 's1' });
			await api(url, 'POST', '/items/notes', { title: 'second', status: 'published', secret: 's2' });
		})();
		for await (const message of subscription) {
			received.push({ event: message.event, data: (message as { data?: unknown }).data });
			if (message.event === 'create') break;
		}
		await writes;
		unsubscribe();
		client.disconnect();

		t.is(received[0]!.event, 'init');
		t.deepEqual(received[0]!.data, [{ id: 1, title: 'first', status: 'published' }]);
		t.deepEqual(
			received.slice(1),
			[{ event: 'create', data: [{ id: 3, title: 'second', status: 'published' }] }],
			'the draft never arrives; the published note arrives without its secret',
		);
	} finally {
		await stop();
		await db.drop();
	}
});

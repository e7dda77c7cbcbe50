import test from 'ava';
import WebSocket from 'ws';
import { createTestDatabase } from './helpers/databases.js';
import { startKernel, adminToken, type RunningKernel } from './helpers/kernel.js';
import { api } from './helpers/http.js';
import { openSocket } from './helpers/realtime.js';
import { loadConfig, ConfigError } from '../src/config/index.js';

/** A kernel on a fresh SQLite file: these limits do not depend on the database. */
async function withKernel(env: Record<string, string>, body: (kernel: RunningKernel) => Promise<void>) {
	const db = await createTestDatabase('sqlite');
	const kernel = await startKernel(db, env);
	try {
		await body(kernel);
	} finally {
		await kernel.stop();
		await db.drop();
	}
}

test('bad messages are answered with an error message and the socket keeps working', async (t) => {
	await withKernel({}, async ({ url }) => {
		const socket = await openSocket(url, { token: adminToken });
		const errorOf = async (message: unknown) => {
			socket.send(message);
			return (await socket.next((m) => m.status === 'error')).error;
		};
		t.like(await errorOf('not json at all'), { code: 'INVALID_PAYLOAD' });
		t.like(await errorOf([1, 2]), { code: 'INVALID_PAYLOAD' });
		t.like(await errorOf({ no: 'type' }), { code: 'INVALID_PAYLOAD' });
		t.like(await errorOf({ type: 'teleport' }), { code: 'INVALID_PAYLOAD' });
		t.like(await errorOf({ type: 'subscribe' }), { code: 'INVALID_PAYLOAD' });
		t.like(await errorOf({ type: 'subscribe', collection: 'nowhere', uid: 1 }), { code: 'FORBIDDEN' });
		t.like(await errorOf({ type: 'subscribe', collection: 'directus_users', query: { filter: { _nonsense: 1 } } }), { code: 'INVALID_QUERY' });
		t.like(await errorOf({ type: 'subscribe', collection: 'directus_users', query: { aggregate: { count: ['*'] } } }), { code: 'INVALID_QUERY' });
		t.like(await errorOf({ type: 'items', collection: 'directus_users', action: 'explode' }), { code: 'INVALID_PAYLOAD' });
		t.like(await errorOf({ type: 'auth', access_token: 'forged.token.here' }), { code: 'INVALID_CREDENTIALS' });
		socket.ws.send(Buffer.from([0xff, 0x00]), { binary: true });
		t.like((await socket.next((m) => m.status === 'error')).error, { code: 'INVALID_PAYLOAD' });
		await socket.settle();
		t.is(socket.ws.readyState, WebSocket.OPEN);
		socket.close();
	});
});

test('a message over WEBSOCKETS_MAX_MESSAGE_BYTES closes the socket with 1009; smaller ones pass', async (t) => {
	await withKernel({ WEBSOCKETS_MAX_MESSAGE_BYTES: '2kb' }, async ({ url }) => {
		const socket = await openSocket(url, { token: adminToken });
		socket.send({ type: 'ping', uid: 'x'.repeat(1500) });
		await socket.next((m) => m.type === 'pong');
		socket.send({ type: 'ping', uid: 'x'.repeat(4096) });
		const closed = await socket.closed;
		t.is(closed.code, 1009);
	});
});

test('WEBSOCKETS_MAX_CONNECTIONS_PER_IP refuses the socket past the limit with 429, and frees a place when one closes', async (t) => {
	await withKernel({ WEBSOCKETS_MAX_CONNECTIONS_PER_IP: '2' }, async ({ url }) => {
		const first = await openSocket(url);
		const second = await openSocket(url);
		const refused = await openSocket(url).then(
			() => undefined,
			(error: { status?: number }) => error,
		);
		t.is(refused?.status, 429);
		first.close();
		await first.closed;
		const again = await openSocket(url);
		await again.settle();
		again.close();
		second.close();
	});
});

test('a socket authenticated with a token that expires is told TOKEN_EXPIRED and closed with the reason', async (t) => {
	await withKernel({ ACCESS_TOKEN_TTL: '2s' }, async ({ url }) => {
		const socket = await openSocket(url);
		socket.send({ type: 'auth', email: 'admin@example.com', password: 'correct horse battery' });
		const auth = await socket.next((m) => m.type === 'auth');
		t.is(auth.status, 'ok');
		t.is(typeof auth.refresh_token, 'string');
		socket.send({ type: 'subscribe', collection: 'directus_roles', uid: 'roles' });
		await socket.next((m) => m.uid === 'roles');
		t.like(await socket.next((m) => m.type === 'auth' && m.status === 'error'), { error: { code: 'TOKEN_EXPIRED' } });
		const closed = await socket.closed;
		t.is(closed.code, 1008);
		t.regex(closed.reason, /TOKEN_EXPIRED/);

		// A refresh token over a new socket starts a fresh session, as the SDK does when it reconnects.
		const next = await openSocket(url);
		next.send({ type: 'auth', refresh_token: auth.refresh_token });
		t.like(await next.next((m) => m.type === 'auth'), { status: 'ok' });
		next.close();
	});
});

test('a token refused at the upgrade answers 401; anonymous sockets get the public policy', async (t) => {
	await withKernel({}, async ({ url }) => {
		const refused = await openSocket(url, { token: 'no-such-token' }).then(
			() => undefined,
			(error: { status?: number }) => error,
		);
		t.is(refused?.status, 401);
		const anonymous = await openSocket(url);
		anonymous.send({ type: 'subscribe', collection: 'directus_users', uid: 'u' });
		t.like(await anonymous.next((m) => m.uid === 'u'), { type: 'subscribe', status: 'error', error: { code: 'FORBIDDEN' } });
		anonymous.close();
	});
});

test('a client that does not answer pings is closed after a heartbeat period; one that answers stays', async (t) => {
	await withKernel({ WEBSOCKETS_HEARTBEAT_PERIOD: '1s' }, async ({ url }) => {
		const silent = await openSocket(url);
		const polite = await openSocket(url);
		polite.ws.on('message', (data) => {
			if (JSON.parse(String(data)).type === 'ping') polite.send({ type: 'pong' });
		});
		const closed = await silent.closed;
		t.is(closed.code, 1001);
		await polite.settle();
		t.is(polite.ws.readyState, WebSocket.OPEN);
		t.is((await fetch(`${url}/server/ping`)).status, 200, 'HTTP is served beside the sockets');
		polite.close();
	});
});

test('WEBSOCKETS_ENABLED=false serves no socket; bad WEBSOCKETS_* values stop the start naming the variable', async (t) => {
	await withKernel({ WEBSOCKETS_ENABLED: 'false' }, async ({ url }) => {
		const refused = await openSocket(url).then(
			() => undefined,
			(error: { status?: number }) => error,
		);
		t.is(refused?.status, 404);
	});
	for (const [name, value] of [
		['WEBSOCKETS_HEARTBEAT_PERIOD', '10ms'],
		['WEBSOCKETS_MAX_MESSAGE_BYTES', '12'],
		['WEBSOCKETS_MAX_CONNECTIONS_PER_IP', '-1'],
		['WEBSOCKETS_ENABLED', 'perhaps'],
	] as const) {
		const error = t.throws(() => loadConfig({ env: { [name]: value } }), { instanceOf: ConfigError });
		t.regex(error!.message, new RegExp(name));
	}
});

test('a user suspended while their socket is open is cut off with the reason; a subscription past the per-socket bound is refused', async (t) => {
	await withKernel({}, async ({ url }) => {
		const socket = await openSocket(url, { token: adminToken });
		// In two rounds: a socket may also have at most 100 messages waiting their turn.
		for (let round = 0; round < 2; round++) {
			for (let i = 0; i < 50; i++) socket.send({ type: 'subscribe', collection: 'directus_roles', uid: `s${round}-${i}`, query: { fields: ['id'] } });
			await socket.settle();
		}
		socket.send({ type: 'subscribe', collection: 'directus_roles', uid: 'one-too-many' });
		t.like(await socket.next((m) => m.uid === 'one-too-many', 30_000), { status: 'error', error: { code: 'LIMIT_EXCEEDED' } });
		socket.close();

		const role = (await api(url, 'POST', '/roles', { name: 'Plain' })).body.data.id;
		const user = (await api(url, 'POST', '/users', { email: 'plain@example.com', password: 'a long enough password', role })).body.data.id;
		const login = await openSocket(url);
		login.send({ type: 'auth', email: 'plain@example.com', password: 'a long enough password' });
		t.like(await login.next((m) => m.type === 'auth'), { status: 'ok' });
		await api(url, 'PATCH', `/users/${user}`, { status: 'suspended' });
		const closed = await login.closed;
		t.is(closed.code, 1008);
		t.regex(closed.reason, /INVALID_CREDENTIALS/);
	});
});

import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { api } from './http.js';

export type Message = Record<string, any>;

/** A `/websocket` client for tests: every message is kept, and a test waits for the one it expects. */
export interface TestSocket {
	ws: WebSocket;
	messages: Message[];
	send(message: unknown): void;
	/** The first message not yet taken that matches; fails after `ms`. */
	next(match: (message: Message) => boolean, ms?: number): Promise<Message>;
	/** Sends a ping and waits for its pong: every message sent before it has been handled. */
	settle(): Promise<void>;
	/** Resolves with the close code and reason once the server closes the socket. */
	closed: Promise<{ code: number; reason: string }>;
	close(): void;
}

export function openSocket(url: string, options: { token?: string; path?: string; protocol?: string } = {}): Promise<TestSocket> {
	const address = `${url.replace(/^http/, 'ws')}${options.path ?? '/websocket'}${options.token ? `?access_token=${options.token}` : ''}`;
	const ws = new WebSocket(address, options.protocol);
	const messages: Message[] = [];
	const waiters = new Set<() => void>();
	ws.on('message', (data) => {
		messages.push(JSON.parse(String(data)) as Message);
		for (const wake of waiters) wake();
	});
	const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: String(reason) })));
	const taken = new WeakSet<Message>();
	const socket: TestSocket = {
		ws,
		messages,
		closed,
		send: (message) => ws.send(typeof message === 'string' ? message : JSON.stringify(message)),
		next(match, ms = 10_000) {
			return new Promise((resolve, reject) => {
				const look = () => {
					const found = messages.find((message) => !taken.has(message) && match(message));
					if (!found) return false;
					taken.add(found);
					waiters.delete(look);
					clearTimeout(timer);
					resolve(found);
					return true;
				};
				const timer = setTimeout(() => {
					waiters.delete(look);
					reject(new Error(`no matching message within ${ms} ms; got ${JSON.stringify(messages)}`));
				}, ms);
				if (!look()) waiters.add(look);
			});
		},
		async settle() {
			const uid = randomUUID();
			socket.send({ type: 'ping', uid });
			await socket.next((message) => message.type === 'pong' && message.uid === uid);
		},
		close: () => ws.close(),
	};
	return new Promise((resolve, reject) => {
		ws.once('open', () => resolve(socket));
		ws.once('error', reject);
		ws.once('unexpected-response', (_request, response) =>
			reject(Object.assign(new Error(`upgrade refused: ${response.statusCode}`), { status: response.statusCode })),
		);
	});
}

export const readerToken = 'realtime-reader-token-0123456789abcdef';

/**
 * `notes` (id, title, status, secret) with a reader role that may read id, title and status of
 * published notes only, and create nothing. Returns the reader's user id.
 */
export async function setUpNotes(url: string, db: { knex: any }): Promise<{ role: string; user: string }> {
	const ok = (response: { status: number; body: unknown }) => {
		if (response.status !== 200 && response.status !== 204) throw new Error(JSON.stringify(response.body));
		return response;
	};
	ok(
		await api(url, 'POST', '/collections', {
			collection: 'notes',
			schema: {},
			meta: {},
			fields: [
				{ field: 'title', type: 'string' },
				{ field: 'status', type: 'string' },
				{ field: 'secret', type: 'string' },
			],
		}),
	);
	const role = ok(await api(url, 'POST', '/roles', { name: 'Reader' })).body as any;
	const policy = ok(await api(url, 'POST', '/policies', { name: 'Readers', app_access: false, admin_access: false })).body as any;
	ok(await api(url, 'POST', '/access', { role: role.data.id, policy: policy.data.id }));
	ok(
		await api(url, 'POST', '/permissions', {
			policy: policy.data.id,
			collection: 'notes',
			action: 'read',
			fields: 'id,title,status',
			permissions: { status: { _eq: 'published' } },
		}),
	);
	const user = randomUUID();
	await db.knex('mantle_users').insert({ id: user, email: 'reader@example.com', status: 'active', role: role.data.id, token: readerToken });
	return { role: role.data.id, user };
}

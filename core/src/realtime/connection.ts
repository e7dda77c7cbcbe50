import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import type { AuthRequestContext } from '@mantle/extensions-sdk';
import type { DataEngine } from '../items/engine.js';
import { createError } from '../errors/index.js';
import { authenticateMessage, identify, type SocketAuthDeps, type SocketIdentity } from './auth.js';
import type { Delivery, SubscriptionHub } from './hub.js';
import { itemsAction } from './items.js';
import { closeCodes, errorReply, parseClientMessage, type ClientMessage } from './protocol.js';

export interface ConnectionDeps {
	hub: SubscriptionHub;
	engine: DataEngine;
	auth: SocketAuthDeps;
	logger: Logger;
}

/**
 * A group's delivery as the bytes of its message, made once per uid (given as JSON text): subscribers of one group
 * share the rows, and clients number their subscriptions alike ("1", "2" …), so most share the
 * whole message too.
 */
const encoded = new WeakMap<Delivery, Map<string, Buffer>>();
function messageOf(delivery: Delivery, key: string): Buffer {
	let byUid = encoded.get(delivery);
	if (!byUid) encoded.set(delivery, (byUid = new Map()));
	let bytes = byUid.get(key);
	if (!bytes) {
		bytes = Buffer.from(`{"type":"subscription","event":"${delivery.event}","data":${JSON.stringify(delivery.data)},"uid":${key}}`);
		byUid.set(key, bytes);
	}
	return bytes;
}

/** Subscriptions one socket may hold: each costs a read per change, so their number is bounded. */
const maxSubscriptions = 100;

/** Queued bytes past which a client that does not read is cut off, so it cannot hold the server's memory. */
const maxBufferedBytes = 16 * 1024 * 1024;

/**
 * One `/websocket` client speaking the Directus realtime protocol: `auth`, `subscribe`,
 * `unsubscribe`, `items` and `ping`. Every message is answered, a bad one with an error message
 * in the protocol's shape; nothing a client sends ends the process or the socket, except a
 * token that expires without a new `auth` (closed with the reason).
 */
export class RealtimeConnection {
	/** Whether the client said anything since the last heartbeat. */
	alive = true;
	private readonly subscriptions = new Map<string, () => void>();
	private expiry: NodeJS.Timeout | undefined;
	private nextUid = 0;

	constructor(
		private readonly socket: WebSocket,
		private readonly deps: ConnectionDeps,
		private identity: SocketIdentity | null,
		private readonly context: AuthRequestContext,
	) {
		this.watchExpiry();
	}

	async receive(raw: string): Promise<void> {
		this.alive = true;
		let message: ClientMessage;
		try {
			message = parseClientMessage(raw);
		} catch (error) {
			this.send(errorReply('error', error));
			return;
		}
		const uid = message.uid;
		try {
			switch (message.type) {
				case 'ping':
					return this.send({ type: 'pong', ...(uid === undefined ? {} : { uid }) });
				case 'pong':
					return;
				case 'auth':
					return await this.authenticate(message);
				case 'subscribe':
					return await this.subscribe(message);
				case 'unsubscribe':
					return this.unsubscribe(uid);
				case 'items':
					return this.send({ type: 'items', data: await itemsAction(this.deps.engine, this.caller(), message), ...(uid === undefined ? {} : { uid }) });
			}
			throw createError('realtimeTypeUnknown');
		} catch (error) {
			this.send(errorReply(message.type, error, uid));
		}
	}

	/** Sends a message; bytes are taken as its JSON text already. */
	send(message: unknown): void {
		if (this.socket.readyState !== this.socket.OPEN) return;
		if (this.socket.bufferedAmount > maxBufferedBytes) {
			this.close(closeCodes.policy, 'Messages are not being read');
			return;
		}
		if (Buffer.isBuffer(message)) this.socket.send(message, { binary: false });
		else this.socket.send(JSON.stringify(message));
	}

	/** Closes with the reason; a client that does not answer the close within a second is cut off. */
	close(code: number, reason: string): void {
		this.dispose();
		this.socket.close(code, reason);
		setTimeout(() => this.socket.terminate(), 1000).unref();
	}

	/** Ends the subscriptions and timers; the socket itself is closing. */
	dispose(): void {
		clearTimeout(this.expiry);
		for (const unsubscribe of this.subscriptions.values()) unsubscribe();
		this.subscriptions.clear();
	}

	private caller() {
		if (!this.identity) throw createError('TOKEN_EXPIRED');
		return this.identity.accountability;
	}

	private async authenticate(message: ClientMessage): Promise<void> {
		this.identity = await authenticateMessage(this.deps.auth, message, this.context);
		this.watchExpiry();
		const { refreshToken } = this.identity;
		this.send({
			type: 'auth',
			status: 'ok',
			...(refreshToken ? { refresh_token: refreshToken } : {}),
			...(message.uid === undefined ? {} : { uid: message.uid }),
		});
	}

	private async subscribe(message: ClientMessage): Promise<void> {
		const uid = message.uid === undefined ? String(++this.nextUid) : String(message.uid);
		const { collection, event } = message;
		if (typeof collection !== 'string' || collection === '') throw createError('realtimeCollectionRequired');
		if (event !== undefined && event !== 'create' && event !== 'update' && event !== 'delete') throw createError('realtimeEventUnknown');
		if (!this.subscriptions.has(uid) && this.subscriptions.size >= maxSubscriptions)
			throw createError('realtimeSubscriptionsExceeded', { max: maxSubscriptions });
		const replyUid = message.uid ?? uid;
		const uidText = JSON.stringify(replyUid);
		const { rows, unsubscribe } = await this.deps.hub.subscribe({ collection, query: message.query, event }, this.caller(), (query) => ({
			collection,
			event,
			query,
			accountability: () => this.identity?.accountability ?? null,
			deliver: (delivery: Delivery) => this.send(messageOf(delivery, uidText)),
		}));
		// A subscription under a uid already in use replaces it, as a client re-subscribing expects.
		this.subscriptions.get(uid)?.();
		this.subscriptions.set(uid, unsubscribe);
		this.send({ type: 'subscription', event: 'init', data: rows, uid: replyUid });
	}

	/** Without a uid, every subscription of the socket ends. */
	private unsubscribe(uid: string | number | undefined): void {
		if (uid === undefined) return this.dispose();
		this.subscriptions.get(String(uid))?.();
		this.subscriptions.delete(String(uid));
	}

	/**
	 * Resolves the socket's caller again after users, roles or policies changed: a suspended or
	 * deleted user's socket is closed with the reason, anyone else's follows their new policies.
	 */
	async reidentify(): Promise<void> {
		const current = this.identity;
		if (!current) return;
		try {
			const fresh = await identify(this.deps.auth, current.token, this.context);
			if (this.identity === current) this.identity = { ...fresh, refreshToken: undefined };
		} catch (error) {
			if (this.identity !== current) return;
			this.identity = null;
			this.send(errorReply('auth', error));
			this.close(closeCodes.policy, `${(error as { code?: string }).code ?? 'INVALID_CREDENTIALS'}: access was withdrawn.`);
		}
	}

	/** A token that expires closes the socket with the reason, unless a new `auth` came first. */
	private watchExpiry(): void {
		clearTimeout(this.expiry);
		const expiresAt = this.identity?.expiresAt;
		if (expiresAt === undefined) return;
		const expire = () => {
			this.identity = null;
			this.send(errorReply('auth', createError('TOKEN_EXPIRED')));
			this.close(closeCodes.policy, 'TOKEN_EXPIRED: Token expired.');
		};
		const wait = expiresAt - Date.now();
		if (wait <= 0) return expire();
		// Timers cannot wait past about 24.8 days; such a token is checked again then.
		this.expiry = setTimeout(() => (Date.now() >= expiresAt ? expire() : this.watchExpiry()), Math.min(wait, 2 ** 31 - 1));
		this.expiry.unref();
	}
}

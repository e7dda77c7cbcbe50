import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from 'pino';
import type { RealtimeConfig } from '../config/realtime.js';
import { createError, toErrorBody, toMantleError, type MantleError } from '../errors/index.js';
import type { DataEngine } from '../items/engine.js';
import { identify, type SocketAuthDeps, type SocketIdentity } from './auth.js';
import { RealtimeConnection } from './connection.js';
import type { SubscriptionHub } from './hub.js';
import { closeCodes, errorReply } from './protocol.js';

/**
 * Takes over an upgraded socket for another protocol on the same events (GraphQL subscriptions).
 * `identifyWith` resolves a token the socket presents later, with the upgrade's address; the
 * handler answers how to check the socket's caller again when access rules change.
 */
export type SocketHandler = (
	socket: WebSocket,
	identity: SocketIdentity,
	identifyWith: (token: string | null) => Promise<SocketIdentity>,
) => { reidentify(): Promise<void> } | void;

export interface RealtimeServerOptions {
	listener: HttpServer;
	config: RealtimeConfig;
	hub: SubscriptionHub;
	engine: DataEngine;
	auth: SocketAuthDeps;
	logger: Logger;
	/** `/graphql` sockets, once the GraphQL extension has said how to serve them. */
	graphql: () => SocketHandler | undefined;
	/** Registers for news that users, roles, policies or permissions changed; returns the unregister. */
	onAccessChange: (listener: () => void) => () => void;
}

/** Messages of one socket waiting their turn; past this a client is asked to slow down. */
const maxQueued = 100;

/**
 * Accepts WebSocket upgrades on hapi's own listener: `/websocket` for the Directus realtime
 * protocol, `/graphql` for `graphql-transport-ws`. Each address may hold a bounded number of
 * sockets; the token in the URL or `Authorization` header is checked before the upgrade, as a
 * request's would be, so a bad one is refused with the HTTP error a request would get.
 */
export class RealtimeServer {
	private readonly sockets: WebSocketServer;
	private readonly perAddress = new Map<string, number>();
	private readonly connections = new Set<RealtimeConnection>();
	/** Sockets of other protocols, with how each checks its caller again. */
	private readonly others = new Map<WebSocket, (() => Promise<void>) | undefined>();
	private heartbeat: NodeJS.Timeout | undefined;
	private stopWatching: (() => void) | undefined;
	private readonly upgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => void this.accept(request, socket, head);

	constructor(private readonly options: RealtimeServerOptions) {
		this.sockets = new WebSocketServer({ noServer: true, maxPayload: options.config.maxMessageBytes });
	}

	start(): void {
		this.options.listener.on('upgrade', this.upgrade);
		this.stopWatching = this.options.onAccessChange(() => {
			for (const connection of this.connections) void connection.reidentify();
			for (const reidentify of this.others.values()) void reidentify?.();
		});
		if (this.options.config.heartbeatMs > 0) {
			this.heartbeat = setInterval(() => this.beat(), this.options.config.heartbeatMs);
			this.heartbeat.unref();
		}
	}

	/** Sockets held open now, by every protocol. */
	get size(): number {
		return this.connections.size + this.others.size;
	}

	/** Closes every socket with "going away", so the HTTP server's own stop is not held up by them. */
	stop(): void {
		this.options.listener.off('upgrade', this.upgrade);
		this.stopWatching?.();
		clearInterval(this.heartbeat);
		for (const connection of this.connections) connection.close(closeCodes.goingAway, 'Server shutting down');
		for (const socket of this.others.keys()) {
			socket.close(closeCodes.goingAway, 'Server shutting down');
			setTimeout(() => socket.terminate(), 1000).unref();
		}
		this.sockets.close();
	}

	private async accept(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
		const url = new URL(request.url ?? '/', 'http://localhost');
		const graphql = url.pathname.replace(/\/+$/, '') === '/graphql' ? this.options.graphql() : undefined;
		if (url.pathname.replace(/\/+$/, '') !== '/websocket' && !graphql) return refuse(socket, createError('ROUTE_NOT_FOUND'));
		const address = request.socket.remoteAddress ?? 'unknown';
		const held = this.perAddress.get(address) ?? 0;
		const { maxConnectionsPerIp } = this.options.config;
		if (maxConnectionsPerIp > 0 && held >= maxConnectionsPerIp) return refuse(socket, createError('REQUESTS_EXCEEDED'));
		// Counted before the token check, so a burst of upgrades cannot all slip under the limit.
		this.perAddress.set(address, held + 1);
		let released = false;
		const release = () => {
			if (released) return;
			released = true;
			const left = (this.perAddress.get(address) ?? 1) - 1;
			if (left > 0) this.perAddress.set(address, left);
			else this.perAddress.delete(address);
		};
		// The raw socket closes however the upgrade ends: refused, failed in the handshake, or served and closed later.
		socket.once('close', release);
		const context = { ip: address, userAgent: header(request, 'user-agent'), origin: header(request, 'origin') };
		let identity: SocketIdentity;
		try {
			identity = await identify(this.options.auth, presentedToken(request, url), context);
		} catch (error) {
			return refuse(socket, toMantleError(error));
		}
		if (socket.destroyed) return;
		this.sockets.handleUpgrade(request, socket, head, (ws) => {
			if (graphql) return this.track(ws, () => graphql(ws, identity, (token) => identify(this.options.auth, token, context)));
			this.serve(ws, identity, context);
		});
	}

	private track(ws: WebSocket, start: () => ReturnType<SocketHandler>): void {
		this.others.set(ws, undefined);
		ws.once('close', () => this.others.delete(ws));
		const served = start();
		if (served && this.others.has(ws)) this.others.set(ws, () => served.reidentify());
	}

	private serve(ws: WebSocket, identity: SocketIdentity, context: { ip: string; userAgent?: string; origin?: string }): void {
		const { hub, engine, auth, logger } = this.options;
		const connection = new RealtimeConnection(ws, { hub, engine, auth, logger }, identity, context);
		this.connections.add(connection);
		let queue = Promise.resolve();
		let queued = 0;
		ws.on('message', (data, isBinary) => {
			if (isBinary) return connection.send(errorReply('error', createError('realtimeMessageNotText')));
			if (queued >= maxQueued) return connection.send(errorReply('error', createError('REQUESTS_EXCEEDED')));
			queued++;
			const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8');
			queue = queue
				.then(() => connection.receive(text))
				.catch((error: unknown) => logger.warn({ err: error }, 'a realtime message failed'))
				.finally(() => queued--);
		});
		ws.on('error', (error) => logger.debug({ err: error }, 'websocket error'));
		ws.once('close', () => {
			connection.dispose();
			this.connections.delete(connection);
		});
	}

	/** Pings every socket; one that said nothing since the last ping is closed. */
	private beat(): void {
		for (const connection of this.connections) {
			if (!connection.alive) {
				connection.close(closeCodes.goingAway, 'No answer to ping within the heartbeat period');
				continue;
			}
			connection.alive = false;
			connection.send({ type: 'ping' });
		}
	}
}

function header(request: IncomingMessage, name: string): string | undefined {
	const value = request.headers[name];
	return Array.isArray(value) ? value[0] : value;
}

/** `?access_token=` as the Directus SDK sends it in strict mode, else a bearer `Authorization` header. */
function presentedToken(request: IncomingMessage, url: URL): string | null {
	const fromQuery = url.searchParams.get('access_token');
	if (fromQuery) return fromQuery;
	const [scheme, token] = (header(request, 'authorization') ?? '').split(' ');
	return scheme?.toLowerCase() === 'bearer' && token ? token : null;
}

/** Answers an upgrade that is not taken with the HTTP error a request would get, then ends the socket. */
function refuse(socket: Duplex, error: MantleError): void {
	const body = JSON.stringify(toErrorBody(error));
	const reason = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 429: 'Too Many Requests' }[error.status] ?? 'Error';
	socket.end(
		`HTTP/1.1 ${error.status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
	);
}

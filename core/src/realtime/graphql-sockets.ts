import type { Logger } from 'pino';
import type { Accountability, GraphqlCapability } from '@mantle/extensions-sdk';
import type { SubscriptionHub } from './hub.js';
import type { SocketIdentity } from './auth.js';
import type { SocketHandler } from './server.js';

type GraphqlSubscriptions = NonNullable<GraphqlCapability['subscriptions']>;
type GraphqlSocketServer = Parameters<GraphqlSubscriptions['provideSockets']>[0];
type ItemChange = Parameters<Parameters<GraphqlSubscriptions['changes']>[3]>[0];

/** The subprotocol graphql-ws speaks; a socket asking for anything else is closed at once. */
const subprotocol = 'graphql-transport-ws';

/**
 * GraphQL subscriptions on the same hub as `/websocket`. The upgrade stays in the kernel, which
 * owns the listener; the GraphQL extension, which owns the schema, hands over a graphql-ws server
 * through its capability (`subscriptions.provideSockets`) and reads changes through
 * `subscriptions.changes`, which reads rows as the subscriber may see them.
 */
export function graphqlSockets(hub: SubscriptionHub, graphql: GraphqlCapability, logger: Logger, enabled: boolean): { handler(): SocketHandler | undefined } {
	let server: GraphqlSocketServer | undefined;
	const subscriptions: GraphqlSubscriptions = {
		provideSockets(provided) {
			server = provided;
		},
		async changes(accountability, collection, fields, listener) {
			const primary = await hub.primaryOf(collection);
			const { unsubscribe } = await hub.subscribe({ collection, query: fields ? { fields } : {}, init: false, keepPrimary: true }, accountability, (query) => ({
				collection,
				query,
				accountability: () => accountability,
				deliver(delivery) {
					const changes: ItemChange[] =
						delivery.event === 'delete'
							? delivery.data.map((key) => ({ event: 'delete', key, data: null }))
							: delivery.data.map((row) => ({ event: delivery.event, key: row[primary] as ItemChange['key'], data: row }));
					for (const change of changes) listener(change);
				},
			}));
			return unsubscribe;
		},
	};
	// The capability object is the one extensions receive, so what is set here is what the GraphQL extension finds.
	if (enabled) graphql.subscriptions = subscriptions;

	const handler: SocketHandler = (ws, identity, identifyWith) => {
		if (!server) return ws.close(1011, 'GraphQL subscriptions are not available');
		if (ws.protocol !== subprotocol) return ws.close(4406, 'Subprotocol not acceptable');
		// The caller the socket speaks for now: the upgrade's, until connection_init signs in with a token.
		let current: SocketIdentity = identity;
		const closed = server.opened(
			{
				protocol: ws.protocol,
				send: (data) => new Promise<void>((resolve, reject) => ws.send(data, (error) => (error ? reject(error) : resolve()))),
				close: (code, reason) => ws.close(code, reason),
				onMessage: (handle) =>
					ws.on('message', (data) => {
						handle(String(data)).catch((error: unknown) => {
							logger.debug({ err: error }, 'graphql-ws message failed');
							ws.close(4400, 'Bad message');
						});
					}),
			},
			{
				accountability: identity.accountability,
				async signIn(token) {
					const signedIn = await identifyWith(token);
					current = signedIn;
					expireAt(signedIn.expiresAt);
					return signedIn.accountability;
				},
			},
		);
		// As on `/websocket`: the socket lives no longer than the token it speaks with.
		let expiry: NodeJS.Timeout | undefined;
		const expireAt = (expiresAt: number | undefined) => {
			clearTimeout(expiry);
			expiry =
				expiresAt === undefined
					? undefined
					: setTimeout(() => ws.close(1008, 'TOKEN_EXPIRED: Token expired.'), Math.min(Math.max(expiresAt - Date.now(), 0), 2 ** 31 - 1));
		};
		expireAt(identity.expiresAt);
		ws.once('close', (code, reason) => {
			clearTimeout(expiry);
			void closed(code, String(reason)).catch(() => undefined);
		});
		return {
			/**
			 * As `/websocket` does on the same news: a suspended or deleted user's socket is closed with
			 * the reason. Subscriptions keep the caller they started with, so a caller whose role or
			 * policies changed is closed too, to connect again under the new rules.
			 */
			async reidentify() {
				const before = current;
				let fresh: SocketIdentity;
				try {
					fresh = await identifyWith(before.token);
				} catch (error) {
					if (current === before) ws.close(4403, `${(error as { code?: string }).code ?? 'INVALID_CREDENTIALS'}: access was withdrawn.`);
					return;
				}
				if (current === before && accessOf(fresh.accountability) !== accessOf(before.accountability)) ws.close(4403, 'FORBIDDEN: access changed.');
			},
		};
	};
	return {
		handler: () => (server ? handler : undefined),
	};
}

/** What a caller may do, for telling whether access rules changed for them. */
function accessOf(accountability: Accountability): string {
	const { user, role, admin, app } = accountability;
	return JSON.stringify([user, role, admin, app, [...accountability.roles].sort(), [...accountability.policies].sort()]);
}

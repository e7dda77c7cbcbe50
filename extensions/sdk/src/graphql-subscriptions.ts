import type { Accountability } from './accountability.js';
import type { Item, PrimaryKey } from './items.js';

/** One `/graphql` WebSocket, in the transport-neutral shape graphql-ws's `makeServer` serves. */
export interface GraphqlSocket {
	readonly protocol: string;
	send(data: string): Promise<void> | void;
	close(code: number, reason: string): Promise<void> | void;
	onMessage(handler: (data: string) => Promise<void>): void;
}

/** What the GraphQL extension hands the kernel to serve `graphql-transport-ws` sockets; a graphql-ws `makeServer` result fits. */
export interface GraphqlSocketServer {
	/** Starts serving an open socket for the caller; the kernel calls what it returns when the socket closes. */
	opened(socket: GraphqlSocket, extra: GraphqlSocketExtra): (code?: number, reason?: string) => Promise<void>;
}

/** Who a `/graphql` socket speaks for: the token of its upgrade, or the one its `connection_init` brings. */
export interface GraphqlSocketExtra {
	accountability: Accountability;
	/**
	 * Resolves an access token sent in `connection_init`'s payload (`{ access_token }`, as graphql-ws
	 * clients send it) exactly as a request with it would be; the socket then lives no longer than
	 * that token. Rejects a token the kernel does not accept.
	 */
	signIn(accessToken: string): Promise<Accountability>;
}

/** One item change as a subscriber may see it: `data` holds the fields asked for, or null for a delete. */
export interface ItemChange {
	event: 'create' | 'update' | 'delete';
	key: PrimaryKey;
	data: Item | null;
}

/** The kernel's live changes, as GraphQL subscriptions use them. */
export interface GraphqlSubscriptions {
	/** Serves `/graphql` WebSocket upgrades with this server from now on. */
	provideSockets(server: GraphqlSocketServer): void;
	/**
	 * Calls `listener` for each change to the collection's items the caller may see, read with
	 * `fields`; refuses (FORBIDDEN) a collection or field the caller may not read. Returns the unsubscribe.
	 */
	changes(accountability: Accountability, collection: string, fields: string[] | undefined, listener: (change: ItemChange) => void): Promise<() => void>;
}

import type { GraphqlSocketServer } from '@mantle/extensions-sdk';

type MessageHandler = (data: string) => Promise<void>;

/**
 * A `/graphql` socket server that loads the real one (graphql-ws over graphql-js) when the first
 * socket opens. The kernel hands a socket's messages over as they arrive: those that come while
 * the real server loads wait for its handler, in the order they came. A server that cannot load
 * closes the socket as the kernel does when there is none (1011), and the next socket tries again.
 */
export function deferredSocketServer(load: () => Promise<GraphqlSocketServer>): GraphqlSocketServer {
	let loading: Promise<GraphqlSocketServer> | undefined;
	const server = () =>
		(loading ??= load().catch((error: unknown) => {
			loading = undefined;
			throw error;
		}));
	return {
		opened(socket, extra) {
			let handlerSet!: (handle: MessageHandler) => void;
			const handler = new Promise<MessageHandler>((resolve) => (handlerSet = resolve));
			socket.onMessage(async (data) => (await handler)(data));
			const closed = server().then((real) =>
				real.opened(
					{ protocol: socket.protocol, send: (data) => socket.send(data), close: (code, reason) => socket.close(code, reason), onMessage: handlerSet },
					extra,
				),
			);
			closed.catch(() => socket.close(1011, 'GraphQL subscriptions are not available'));
			return async (code, reason) => (await closed)(code, reason);
		},
	};
}

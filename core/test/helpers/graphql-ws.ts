import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';

export interface TestSubscription {
	/** The next result; rejects with `{ failure }` (the close event or errors) when the subscription fails instead. */
	next(ms?: number): Promise<Record<string, any>>;
	stop(): void;
}

/** graphql-ws clients for one kernel, each disposed by `disposeAll()`. */
export function graphqlWsClients(url: string) {
	const clients: Client[] = [];
	return {
		connect(token?: string, connectionParams?: Record<string, unknown>): Client {
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
		},
		async disposeAll(): Promise<void> {
			for (const client of clients) await client.dispose();
		},
	};
}

/** Runs one subscription and hands back each result as it comes, until `stop()`. */
export function subscribe(client: Client, query: string): TestSubscription {
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

/** How a subscription ended: the socket's close event (code, reason) when the server closed it. */
export async function endOf(subscription: TestSubscription, ms?: number): Promise<{ code?: number; reason?: string }> {
	const failure = await subscription.next(ms).then(
		(result) => {
			throw new Error(`expected the subscription to end, got ${JSON.stringify(result)}`);
		},
		(error: { failure?: unknown }) => error.failure,
	);
	return (failure ?? {}) as { code?: number; reason?: string };
}

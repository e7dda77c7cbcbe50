import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Redis } from 'ioredis';

/** What another instance must forget: the schema overview, who may do what, which sessions are live, or (`cache`) the cached reads of some collections. */
export type InvalidationTopic = 'schema' | 'access' | 'sessions' | 'flows' | 'extensions' | 'cache';

const channel = 'mantle:invalidate';

/**
 * Tells the other kernel processes sharing this Redis that a cache went stale, and hears them.
 * Without it a permission granted on one instance would stay refused on the others until they
 * restart. Messages from this instance itself are ignored.
 */
export class InvalidationBus {
	private readonly instance = randomUUID();
	private readonly handlers = new Map<InvalidationTopic, Array<(detail: string[]) => void>>();
	private subscriber: Redis | undefined;

	constructor(
		private readonly publisher: Redis,
		private readonly logger: Logger,
	) {}

	/** Subscribes without waiting: a Redis that is down must not hold up the start (ioredis subscribes again on reconnect). */
	start(): void {
		// A connection in subscriber mode can do nothing else, so it is a second one.
		this.subscriber = this.publisher.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
		this.subscriber.on('error', (error: Error) => this.logger.debug({ err: error }, 'redis subscriber error'));
		this.subscriber.on('message', (_channel: string, message: string) => this.receive(message));
		this.subscriber.subscribe(channel).catch((error: unknown) => this.logger.warn({ err: error }, 'could not subscribe to cache invalidations'));
	}

	/** Resolves once the subscription is in place (tests, and a start that wants to be sure). */
	async ready(): Promise<void> {
		if (this.subscriber && this.subscriber.status !== 'ready') await new Promise((resolve) => this.subscriber!.once('ready', resolve));
	}

	on(topic: InvalidationTopic, handler: (detail: string[]) => void): void {
		this.handlers.set(topic, [...(this.handlers.get(topic) ?? []), handler]);
	}

	/** `detail` says what in the topic went stale (the collections written, for `cache`). */
	publish(topic: InvalidationTopic, detail: string[] = []): void {
		this.publisher.publish(channel, JSON.stringify({ topic, from: this.instance, detail })).catch((error: unknown) => {
			this.logger.warn({ err: error, topic }, 'could not tell other instances to drop their caches');
		});
	}

	/** Quits a live connection politely; one still trying to connect is dropped (a queued QUIT would wait forever). */
	async stop(): Promise<void> {
		const subscriber = this.subscriber;
		if (!subscriber) return;
		if (subscriber.status === 'ready') await subscriber.quit().catch(() => subscriber.disconnect());
		else subscriber.disconnect();
	}

	private receive(message: string): void {
		let parsed: { topic?: InvalidationTopic; from?: string; detail?: unknown };
		try {
			parsed = JSON.parse(message) as typeof parsed;
		} catch {
			return;
		}
		if (parsed.from === this.instance || !parsed.topic) return;
		const detail = Array.isArray(parsed.detail) ? parsed.detail.filter((entry): entry is string => typeof entry === 'string') : [];
		for (const handler of this.handlers.get(parsed.topic) ?? []) handler(detail);
	}
}

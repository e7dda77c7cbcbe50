import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Redis } from 'ioredis';
import type { PrimaryKey } from '@mantle/extensions-sdk';
import type { EventBus } from '../events/bus.js';

export type ChangeAction = 'create' | 'update' | 'delete';

/** Which items of a collection a committed write touched; the rows themselves are re-read per subscriber. */
export interface ChangeEvent {
	collection: string;
	action: ChangeAction;
	keys: PrimaryKey[];
}

const owner = 'mantle:realtime';

/**
 * Committed item writes, from this instance and, through Redis pub/sub, from every other one.
 * Only keys travel: each instance reads the rows as its own subscribers may see them, so no
 * row ever crosses the wire with more than a subscriber may read. Writes made in the same turn
 * of the event loop (a batch create fires one action per item) go out as one event.
 */
export class ChangeFeed {
	private readonly instance = randomUUID();
	private readonly listeners = new Set<(event: ChangeEvent) => void>();
	private pending = new Map<string, ChangeEvent>();
	private flushing = false;
	private subscriber: Redis | undefined;
	private readonly channel: string;

	/** `deployment` names the data the events are about; only instances serving the same data share a channel. */
	constructor(
		private readonly bus: EventBus,
		private readonly logger: Logger,
		private readonly publisher?: Redis,
		deployment = 'default',
	) {
		this.channel = `mantle:realtime:${deployment}`;
	}

	start(): void {
		this.bus.onAction('items.create', owner, (meta) => this.heard(meta.collection, 'create', meta.key === undefined ? [] : [meta.key as PrimaryKey]));
		this.bus.onAction('items.update', owner, (meta) => this.heard(meta.collection, 'update', (meta.keys ?? []) as PrimaryKey[]));
		this.bus.onAction('items.delete', owner, (meta) => this.heard(meta.collection, 'delete', (meta.keys ?? []) as PrimaryKey[]));
		if (!this.publisher) return;
		// A connection in subscriber mode can do nothing else, so it is a second one.
		this.subscriber = this.publisher.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
		this.subscriber.on('error', (error: Error) => this.logger.debug({ err: error }, 'redis realtime subscriber error'));
		this.subscriber.on('message', (_channel: string, message: string) => this.receive(message));
		this.subscriber.subscribe(this.channel).catch((error: unknown) => this.logger.warn({ err: error }, 'could not subscribe to realtime events'));
	}

	/** Resolves once events from other instances can be heard. */
	async ready(): Promise<void> {
		const subscriber = this.subscriber;
		if (subscriber && subscriber.status !== 'ready') await new Promise((resolve) => subscriber.once('ready', resolve));
	}

	listen(listener: (event: ChangeEvent) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	async stop(): Promise<void> {
		this.bus.removeOwners(new Set([owner]));
		const subscriber = this.subscriber;
		if (!subscriber) return;
		if (subscriber.status === 'ready') await subscriber.quit().catch(() => subscriber.disconnect());
		else subscriber.disconnect();
	}

	private heard(collection: unknown, action: ChangeAction, keys: PrimaryKey[]): void {
		if (typeof collection !== 'string' || keys.length === 0) return;
		const id = `${action}:${collection}`;
		const known = this.pending.get(id);
		if (known) known.keys.push(...keys);
		else this.pending.set(id, { collection, action, keys: [...keys] });
		if (this.flushing) return;
		this.flushing = true;
		setImmediate(() => this.flush());
	}

	private flush(): void {
		const events = [...this.pending.values()];
		this.pending = new Map();
		this.flushing = false;
		for (const event of events) {
			this.deliver(event);
			this.publisher?.publish(this.channel, JSON.stringify({ from: this.instance, ...event })).catch((error: unknown) => {
				this.logger.warn({ err: error, collection: event.collection }, 'could not tell other instances of a change');
			});
		}
	}

	private receive(message: string): void {
		let parsed: Partial<ChangeEvent> & { from?: string };
		try {
			parsed = JSON.parse(message) as typeof parsed;
		} catch {
			return;
		}
		if (parsed.from === this.instance || typeof parsed.collection !== 'string' || !Array.isArray(parsed.keys)) return;
		if (parsed.action !== 'create' && parsed.action !== 'update' && parsed.action !== 'delete') return;
		this.deliver({ collection: parsed.collection, action: parsed.action, keys: parsed.keys });
	}

	private deliver(event: ChangeEvent): void {
		for (const listener of this.listeners) {
			try {
				listener(event);
			} catch (error) {
				this.logger.warn({ err: error, collection: event.collection }, 'a realtime listener failed');
			}
		}
	}
}

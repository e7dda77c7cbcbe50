import type { Logger } from 'pino';
import type { Accountability, Item, PrimaryKey } from '@mantle/extensions-sdk';
import type { DataEngine } from '../items/engine.js';
import { createError } from '../errors/index.js';
import { parseQuery } from '../items/query/parse.js';
import type { NormalizedQuery } from '../items/query/types.js';
import type { ChangeAction, ChangeEvent, ChangeFeed } from './feed.js';
import { type UserDependence } from './user-dependence.js';

/** What one subscriber is told: rows for create and update, keys for delete. */
export type Delivery = { event: 'create' | 'update'; data: Item[] } | { event: 'delete'; data: PrimaryKey[] };

export interface SubscriptionSpec {
	collection: string;
	/** The client's query (fields, filter, sort, deep …), validated here. */
	query?: unknown;
	/** Only this kind of change, when given. */
	event?: ChangeAction;
	/** Whether the first rows are read and answered (`/websocket`'s `init`); without, the query is only checked. */
	init?: boolean;
	/** Keep the primary key in delivered rows even when `fields` leaves it out (GraphQL needs it for `key`). */
	keepPrimary?: boolean;
}

/** A live subscription: `accountability()` is read at each event, so a re-authenticated socket's rows follow its new rights. */
export interface Subscription {
	readonly collection: string;
	readonly event?: ChangeAction;
	readonly query: NormalizedQuery;
	/** null while the owner may see nothing (its token expired): nothing is delivered. */
	accountability(): Accountability | null;
	deliver(delivery: Delivery): void;
}

interface Entry {
	subscription: Subscription;
	/** Whether `fields` named the primary key, which is read in any case to follow rows. */
	keepsPrimary: boolean;
	/** The query's shape: subscribers with the same shape and permission set share a read. */
	shape: string;
	/** Rows this subscriber has been shown and not yet told are gone: their keys as text, to the keys as read. */
	known: Map<string, PrimaryKey>;
}

/** Changed keys read in one query; the lowest driver limit (SQL Server's 2,100 parameters) stays far off. */
const keysPerRead = 500;

/** Rows a subscriber is remembered to have seen, past which the oldest are forgotten (memory stays bounded). */
const knownCapacity = 50_000;

/**
 * Live subscriptions to item changes, read as each subscriber's permissions allow. For each
 * change, subscribers that share collection, permission set and query shape share one read of
 * the changed rows: one query per group, not per subscriber. A row a subscriber was shown that
 * no longer passes its filter or permissions is reported to it as deleted; rows it never saw
 * are never mentioned to it, deletes included.
 */
export class SubscriptionHub {
	private readonly byCollection = new Map<string, Set<Entry>>();
	private stopListening: (() => void) | undefined;

	constructor(
		private readonly engine: DataEngine,
		feed: ChangeFeed,
		private readonly dependence: UserDependence,
		private readonly logger: Logger,
	) {
		this.stopListening = feed.listen((event) => void this.changed(event));
	}

	/** Validates the query, reads the subscriber's first rows and starts delivering; answers the rows and the unsubscribe. */
	async subscribe(spec: SubscriptionSpec, accountability: Accountability, make: (query: NormalizedQuery) => Subscription) {
		const query = parseQuery(spec.query ?? {});
		// A change is told as rows; counts and sums of a group have no row to follow.
		if (query.aggregate || query.groupBy) throw createError('realtimeSubscriptionAggregates');
		const primary = await this.primaryOf(spec.collection);
		const keepsPrimary = spec.keepPrimary === true || !query.fields || query.fields.some((field) => field === '*' || field === primary);
		const entry: Entry = { subscription: make(query), keepsPrimary, shape: `${keepsPrimary}|${JSON.stringify(query)}`, known: new Map() };
		// Read even without `init`: a collection or field the caller may not read is refused here, not silently never delivered.
		const service = await this.engine.service(spec.collection, accountability);
		const rows = await service.readByQuery(spec.init === false ? { ...withPrimary(query, primary), limit: 1 } : withPrimary(query, primary));
		if (spec.init === false) rows.length = 0;
		for (const row of rows) remember(entry.known, row[primary] as PrimaryKey);
		let set = this.byCollection.get(spec.collection);
		if (!set) this.byCollection.set(spec.collection, (set = new Set()));
		set.add(entry);
		const unsubscribe = () => {
			set.delete(entry);
			if (set.size === 0 && this.byCollection.get(spec.collection) === set) this.byCollection.delete(spec.collection);
		};
		return { rows: rows.map((row) => (keepsPrimary ? row : without(row, primary))), unsubscribe };
	}

	async primaryOf(collection: string): Promise<string> {
		return (await (await this.engine.service(collection, null)).info()).primary;
	}

	/** Subscriptions held, for tests and metrics. */
	get size(): number {
		let total = 0;
		for (const set of this.byCollection.values()) total += set.size;
		return total;
	}

	stop(): void {
		this.stopListening?.();
		this.stopListening = undefined;
		this.byCollection.clear();
	}

	private async changed(event: ChangeEvent): Promise<void> {
		const entries = this.byCollection.get(event.collection);
		if (!entries || entries.size === 0) return;
		// An import or a bulk write touches thousands of rows: they are read in slices a driver's parameter limit allows.
		if (event.keys.length > keysPerRead) {
			for (let start = 0; start < event.keys.length; start += keysPerRead) await this.changed({ ...event, keys: event.keys.slice(start, start + keysPerRead) });
			return;
		}
		if (event.action === 'delete') {
			for (const entry of entries) this.forget(entry, event.keys);
			return;
		}
		const groups = new Map<string, { accountability: Accountability; query: NormalizedQuery; entries: Entry[] }>();
		for (const entry of entries) {
			const accountability = entry.subscription.accountability();
			if (accountability === null) continue;
			const base = this.dependence.groupKey(accountability, entry.subscription.query);
			const key = `${typeof base === 'string' ? base : await base}|${entry.shape}`;
			const group = groups.get(key);
			if (group) group.entries.push(entry);
			else groups.set(key, { accountability, query: entry.subscription.query, entries: [entry] });
		}
		await Promise.all([...groups.values()].map((group) => this.deliverGroup(event, group.accountability, group.query, group.entries)));
	}

	private async deliverGroup(event: ChangeEvent, accountability: Accountability, query: NormalizedQuery, entries: Entry[]): Promise<void> {
		let rows: Item[] = [];
		let primary: string;
		try {
			const service = await this.engine.service(event.collection, accountability);
			primary = (await service.info()).primary;
			rows = await service.readMany(event.keys, withPrimary({ ...query, limit: undefined, offset: undefined, page: undefined }, primary));
		} catch (error) {
			// A collection or field this group may no longer read: every row it was shown is gone for it.
			if ((error as { code?: string }).code !== 'FORBIDDEN')
				this.logger.warn({ err: error, collection: event.collection }, 'could not read changed rows for subscribers');
			for (const entry of entries) this.forget(entry, event.keys);
			return;
		}
		const byKey = new Map(rows.map((row) => [String(row[primary]), row]));
		// The group shares one delivery, so its rows are serialized once however many subscribers it holds.
		const keepsPrimary = entries[0]!.keepsPrimary;
		const shown = rows.map((row) => (keepsPrimary ? row : without(row, primary)));
		const delivery: Delivery = { event: event.action as 'create' | 'update', data: shown };
		const left = event.keys.filter((key) => !byKey.has(String(key)));
		for (const entry of entries) {
			for (const row of rows) remember(entry.known, row[primary] as PrimaryKey);
			if (shown.length > 0 && (!entry.subscription.event || entry.subscription.event === event.action)) entry.subscription.deliver(delivery);
			this.forget(entry, left);
		}
	}

	/** Tells the subscriber the rows it knew are gone, and stops remembering them. */
	private forget(entry: Entry, keys: PrimaryKey[]): void {
		const gone: PrimaryKey[] = [];
		for (const key of keys) {
			const shown = entry.known.get(String(key));
			if (shown === undefined) continue;
			entry.known.delete(String(key));
			gone.push(shown);
		}
		if (gone.length === 0) return;
		if (entry.subscription.event && entry.subscription.event !== 'delete') return;
		entry.subscription.deliver({ event: 'delete', data: gone });
	}
}

function withPrimary(query: NormalizedQuery, primary: string): NormalizedQuery {
	if (!query.fields || query.fields.includes('*') || query.fields.includes(primary)) return query;
	return { ...query, fields: [...query.fields, primary] };
}

function without(row: Item, field: string): Item {
	const { [field]: _dropped, ...rest } = row;
	return rest;
}

function remember(known: Map<string, PrimaryKey>, key: PrimaryKey): void {
	if (known.has(String(key))) return;
	if (known.size >= knownCapacity) known.delete(known.keys().next().value!);
	known.set(String(key), key);
}

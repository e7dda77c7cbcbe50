import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { Counter, type Registry } from 'prom-client';
import type { Accountability, EndpointResponse } from '@mantle/extensions-sdk';
import type { CacheConfig } from '../config/cache.js';
import type { InvalidationBus } from './invalidation-bus.js';
import { noteWrite, withReadScope, type ReadScope } from './read-scope.js';
import type { CacheStore, Ticket } from './store.js';

export interface CacheableRequest {
	/** Path and query string, as the client sent them. */
	url: string;
	headers: Record<string, string | string[] | undefined>;
}

/**
 * Endpoints whose GET answers are kept: item reads, whose dependence on the caller is all in the
 * permissions the key names. Routes that answer from the caller's identity itself (`/users/me`)
 * would need the user in every key, and are left uncached.
 */
const cachedEndpoints = new Set(['items']);

/** Answers differ by who asks (Authorization, Cookie) and may be refused to the cache (Cache-Control). */
const vary = 'Origin, Authorization, Cookie, Cache-Control';

/** Stored in place of an answer that depends on the user: the answer itself is kept per user. */
const perUser = 'u';

/**
 * The data cache: item reads answered from memory or Redis. A key is the request and the caller's
 * permission set, so callers under different policies never share an answer; an answer shaped by
 * `$CURRENT_USER` is kept per user. Each answer is filed under every collection its read touched,
 * so a write to any of them drops it (CACHE_AUTO_PURGE); schema and permission changes drop all.
 * A cache that fails (Redis away) answers from the database, never with an error.
 */
export class DataCache {
	private readonly counters: { hits: Counter; misses: Counter; purges: Counter };
	private lastWarning = 0;

	constructor(
		private readonly config: CacheConfig,
		private readonly store: CacheStore,
		private readonly logger: Logger,
		registry: Registry,
		private readonly bus?: InvalidationBus,
	) {
		const counter = (name: string, help: string) => new Counter({ name, help, registers: [registry] });
		this.counters = {
			hits: counter('mantle_cache_hits_total', 'Item reads answered from the data cache.'),
			misses: counter('mantle_cache_misses_total', 'Cacheable item reads the data cache did not hold.'),
			purges: counter('mantle_cache_purges_total', 'Writes that dropped cached reads of the collections they touched.'),
		};
		// A memory store is this process's own: the others' purges and clears arrive over the bus.
		if (bus && !store.shared) {
			bus.on('cache', (collections) => void this.safely(() => store.purge(collections)));
			bus.on('schema', () => void this.safely(() => store.clear()));
			bus.on('access', () => void this.safely(() => store.clear()));
		}
	}

	accepts(method: string, endpoint: string): boolean {
		return method.toUpperCase() === 'GET' && cachedEndpoints.has(endpoint);
	}

	/** The cached answer to `request`, or `produce`'s, kept for the next caller with the same permissions. */
	async answer(request: CacheableRequest, accountability: Accountability | null, produce: () => Promise<EndpointResponse>): Promise<EndpointResponse> {
		if (this.config.skipAllowed && /\bno-store\b/i.test(String(request.headers['cache-control'] ?? ''))) {
			const result = await produce();
			return { ...result, headers: { ...result.headers, 'cache-control': 'no-store', vary } };
		}
		const key = this.keyOf(request, accountability);
		const user = accountability?.user ?? null;
		const found = await this.safely(() => this.store.get(key));
		let value = found?.value;
		if (value === perUser && user) value = (await this.safely(() => this.store.get(`${key}:${user}`)))?.value;
		if (value !== undefined && value !== perUser) {
			this.counters.hits.inc();
			const split = value.indexOf('|');
			return this.respond(value.slice(split + 1), Number(value.slice(0, split)), accountability);
		}
		this.counters.misses.inc();
		const scope: ReadScope = { collections: new Set(), userBound: false, wrote: false };
		const result = await withReadScope(scope, produce);
		if (!found || !keepable(result, scope)) return result;
		const body = JSON.stringify(result.body);
		const storedAt = Date.now();
		if (Buffer.byteLength(body) <= this.config.valueMaxBytes)
			await this.keep(key, `${storedAt}|${body}`, [...scope.collections], found.ticket, scope.userBound ? user : null);
		return this.respond(body, storedAt, accountability);
	}

	/** After a write commits: drops the reads that touched `collections`, here and on every instance. */
	async written(collections: string[]): Promise<void> {
		// An answer produced by a request that also wrote may predate its own write.
		noteWrite();
		if (!this.config.autoPurge || collections.length === 0) return;
		this.counters.purges.inc();
		await this.safely(() => this.store.purge(collections));
		if (!this.store.shared) this.bus?.publish('cache', collections);
	}

	/** Drops everything (schema or permission change, `/utils/cache/clear`); other instances hear of it through their own topics. */
	async clear(): Promise<void> {
		await this.safely(() => this.store.clear());
	}

	private async keep(key: string, value: string, tags: string[], ticket: Ticket, user: string | null): Promise<void> {
		const ttl = this.config.ttlMs;
		if (user === null) {
			await this.safely(() => this.store.set(key, value, ttl, tags, ticket));
			return;
		}
		if (await this.safely(() => this.store.set(key, perUser, ttl, tags, ticket)))
			await this.safely(() => this.store.set(`${key}:${user}`, value, ttl, tags, ticket));
	}

	private respond(body: string, storedAt: number, accountability: Accountability | null): EndpointResponse {
		return {
			status: 200,
			headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': this.cacheControl(storedAt, accountability), vary },
			body,
		};
	}

	/**
	 * Anonymous answers may be kept by browsers and shared caches for what is left of their TTL
	 * (and `s-maxage` when CACHE_CONTROL_S_MAXAGE is set); a signed-in caller's answer is private
	 * and revalidated, since a browser cannot know when a write elsewhere made it stale.
	 */
	private cacheControl(storedAt: number, accountability: Accountability | null): string {
		if (accountability?.user) return 'private, no-cache';
		const left = Math.max(0, Math.floor((storedAt + this.config.ttlMs - Date.now()) / 1000));
		const shared = this.config.sharedMaxAgeSeconds === undefined ? '' : `, s-maxage=${this.config.sharedMaxAgeSeconds}`;
		return `public, max-age=${left}${shared}`;
	}

	private keyOf(request: CacheableRequest, accountability: Accountability | null): string {
		return createHash('sha256')
			.update(JSON.stringify([request.url, permissionSet(accountability)]))
			.digest('base64url');
	}

	private async safely<T>(work: () => Promise<T>): Promise<T | undefined> {
		try {
			return await work();
		} catch (error) {
			// Once in a while at warn: with Redis away every request would otherwise log the same line.
			const level = Date.now() - this.lastWarning > 30_000 ? 'warn' : 'debug';
			if (level === 'warn') this.lastWarning = Date.now();
			this.logger[level]({ err: error }, 'data cache unavailable; answering from the database');
			return undefined;
		}
	}
}

/**
 * Everything about a caller that decides what the engine lets them see, except who they are:
 * role, roles, policies, admin and app access (and whatever else the accountability carries, such
 * as a share). Users under the same policies share answers unless `$CURRENT_USER` shaped them.
 */
function permissionSet(accountability: Accountability | null): string {
	if (!accountability) return 'system';
	const { user, ip: _ip, userAgent: _agent, ...rest } = accountability;
	const entries = Object.entries(rest as Record<string, unknown>)
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([name, value]) => [name, Array.isArray(value) ? [...value].map(String).sort() : value]);
	return JSON.stringify([user !== null, entries]);
}

/** Only a plain 200 JSON answer of reads that touched the engine, and wrote nothing, is kept. */
function keepable(result: EndpointResponse, scope: ReadScope): boolean {
	if ((result.status ?? 200) !== 200 || scope.wrote || scope.collections.size === 0) return false;
	if (result.headers && Object.keys(result.headers).length > 0) return false;
	const body = result.body as { pipe?: unknown } | undefined;
	return typeof body === 'object' && body !== null && !Buffer.isBuffer(body) && typeof body.pipe !== 'function';
}

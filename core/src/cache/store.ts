/**
 * The moment a lookup happened, as the store counts it. A read that missed runs, then offers its
 * answer with the ticket of its lookup: if a write purged one of its collections (or the cache was
 * cleared) since, the answer may predate that write and is refused, so a purge can never be undone
 * by a slow read finishing after it.
 */
export interface Ticket {
	generation: string;
	sequence: number;
}

export interface CacheStore {
	/** Shared by every instance (Redis): a purge here is a purge everywhere. */
	readonly shared: boolean;
	get(key: string): Promise<{ value: string | undefined; ticket: Ticket }>;
	/** Keeps `value` under `key` for `ttlMs`, filed under each tag; false when the ticket is stale. */
	set(key: string, value: string, ttlMs: number, tags: string[], ticket: Ticket): Promise<boolean>;
	/** Drops every value filed under any of the tags. */
	purge(tags: string[]): Promise<void>;
	clear(): Promise<void>;
}

interface MemoryEntry {
	value: string;
	expiresAt: number;
	tags: string[];
}

/**
 * One process's cache, least recently used first out once `capacity` entries are held. Several
 * instances each keep their own and hear each other's purges over the invalidation bus.
 */
export class MemoryStore implements CacheStore {
	readonly shared = false;
	private readonly entries = new Map<string, MemoryEntry>();
	private readonly byTag = new Map<string, Set<string>>();
	private readonly purgedAt = new Map<string, number>();
	private sequence = 0;
	private generation = 0;

	constructor(private readonly capacity = 10_000) {}

	async get(key: string): Promise<{ value: string | undefined; ticket: Ticket }> {
		const ticket = { generation: String(this.generation), sequence: this.sequence };
		const entry = this.entries.get(key);
		if (!entry) return { value: undefined, ticket };
		if (entry.expiresAt <= Date.now()) {
			this.remove(key);
			return { value: undefined, ticket };
		}
		// Map order is insertion order: moving a hit to the end makes the first key the least recently used.
		this.entries.delete(key);
		this.entries.set(key, entry);
		return { value: entry.value, ticket };
	}

	async set(key: string, value: string, ttlMs: number, tags: string[], ticket: Ticket): Promise<boolean> {
		if (ticket.generation !== String(this.generation)) return false;
		if (tags.some((tag) => (this.purgedAt.get(tag) ?? -1) > ticket.sequence)) return false;
		this.remove(key);
		while (this.entries.size >= this.capacity) this.remove(this.entries.keys().next().value as string);
		this.entries.set(key, { value, expiresAt: Date.now() + ttlMs, tags });
		for (const tag of tags) {
			let keys = this.byTag.get(tag);
			if (!keys) this.byTag.set(tag, (keys = new Set()));
			keys.add(key);
		}
		return true;
	}

	async purge(tags: string[]): Promise<void> {
		this.sequence++;
		for (const tag of tags) {
			this.purgedAt.set(tag, this.sequence);
			for (const key of [...(this.byTag.get(tag) ?? [])]) this.remove(key);
		}
	}

	async clear(): Promise<void> {
		this.generation++;
		this.entries.clear();
		this.byTag.clear();
	}

	private remove(key: string): void {
		const entry = this.entries.get(key);
		if (!entry) return;
		this.entries.delete(key);
		for (const tag of entry.tags) {
			const keys = this.byTag.get(tag);
			keys?.delete(key);
			if (keys?.size === 0) this.byTag.delete(tag);
		}
	}
}

import type { Logger } from 'pino';
import type { Redis } from 'ioredis';
import type { Registry } from 'prom-client';
import type { CacheConfig } from '../config/cache.js';
import type { EventBus } from '../events/bus.js';
import type { SchemaStore } from '../schema/schema-store.js';
import { DataCache } from './data-cache.js';
import type { InvalidationBus } from './invalidation-bus.js';
import { RedisStore } from './redis-store.js';
import { MemoryStore } from './store.js';

export { DataCache } from './data-cache.js';

interface DataCacheParts {
	config: CacheConfig;
	redis?: Redis;
	logger: Logger;
	registry: Registry;
	bus: EventBus;
	schema: SchemaStore;
	invalidations?: InvalidationBus;
}

/** The data cache the configuration asks for, wired to what must empty it; undefined when CACHE_ENABLED is off. */
export function createDataCache({ config, redis, logger, registry, bus, schema, invalidations }: DataCacheParts): DataCache | undefined {
	if (!config.enabled) return undefined;
	const store = config.store === 'redis' && redis ? new RedisStore(redis, config.namespace) : new MemoryStore();
	const cache = new DataCache(config, store, logger, registry, invalidations);
	// A schema change here (or /utils/cache/clear, which drops the schema too) empties the cache.
	schema.onInvalidate(() => void cache.clear());
	// Writes nested in another collection's write are seen only as their own action events.
	if (config.autoPurge) {
		for (const action of ['create', 'update', 'delete'])
			bus.onAction(`items.${action}`, 'kernel:data-cache', (meta) => (meta.collection ? cache.written([String(meta.collection)]) : undefined));
	}
	return cache;
}

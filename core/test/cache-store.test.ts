import { randomUUID } from 'node:crypto';
import test from 'ava';
import { Redis } from 'ioredis';
import { loadConfig } from '../src/config/index.js';
import { MemoryStore, type CacheStore } from '../src/cache/store.js';
import { RedisStore } from '../src/cache/redis-store.js';
import { serviceSkipReason } from './helpers/databases.js';

const redisSkip = await serviceSkipReason(6379, 'Redis at 127.0.0.1:6379');

/** The same guarantees from both stores; the Redis one in a namespace of its own. */
function storeTest(title: string, body: (t: import('ava').ExecutionContext, store: CacheStore) => Promise<void>): void {
	test(`[memory] ${title}`, (t) => body(t, new MemoryStore()));
	(redisSkip ? test.skip : test)(`[redis] ${title}`, async (t) => {
		const redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
		const namespace = `store-test-${randomUUID()}`;
		try {
			await body(t, new RedisStore(redis, namespace));
		} finally {
			const keys = await redis.keys(`${namespace}:*`);
			if (keys.length > 0) await redis.del(...keys);
			redis.disconnect();
		}
	});
}

storeTest('a value is found under its key until a purge of any of its tags', async (t, store) => {
	const { ticket } = await store.get('list');
	t.true(await store.set('list', 'rows', 60_000, ['articles', 'authors'], ticket));
	t.is((await store.get('list')).value, 'rows');
	await store.purge(['tags']);
	t.is((await store.get('list')).value, 'rows', 'an unrelated purge leaves it');
	await store.purge(['authors']);
	t.is((await store.get('list')).value, undefined, 'a purge of a joined collection drops it');
});

storeTest('a read that missed before a purge cannot store its answer after it', async (t, store) => {
	const { ticket } = await store.get('list');
	// A write commits and purges while the read is still running...
	await store.purge(['articles']);
	// ...so what the read found may predate the write, and is refused.
	t.false(await store.set('list', 'stale rows', 60_000, ['articles'], ticket));
	t.is((await store.get('list')).value, undefined);
	const later = (await store.get('list')).ticket;
	t.true(await store.set('list', 'fresh rows', 60_000, ['articles'], later), 'a read that began after the purge may store');
});

storeTest('a clear drops everything, and refuses answers looked up before it', async (t, store) => {
	const { ticket } = await store.get('a');
	t.true(await store.set('a', 'one', 60_000, ['articles'], ticket));
	const { ticket: before } = await store.get('b');
	await store.clear();
	t.is((await store.get('a')).value, undefined);
	t.false(await store.set('b', 'two', 60_000, ['tags'], before));
});

storeTest('a value expires after its TTL', async (t, store) => {
	const { ticket } = await store.get('short');
	t.true(await store.set('short', 'rows', 50, ['articles'], ticket));
	const deadline = Date.now() + 5000;
	while ((await store.get('short')).value !== undefined && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
	t.is((await store.get('short')).value, undefined);
});

test('the memory store forgets the least recently used entry first when full', async (t) => {
	const store = new MemoryStore(2);
	const put = async (key: string) => store.set(key, key, 60_000, ['articles'], (await store.get(key)).ticket);
	await put('a');
	await put('b');
	await store.get('a');
	await put('c');
	t.is((await store.get('a')).value, 'a', 'recently read');
	t.is((await store.get('b')).value, undefined, 'least recently used');
	t.is((await store.get('c')).value, 'c');
});

test('CACHE_* variables are validated at start, naming the variable', (t) => {
	const load = (env: Record<string, string>) => loadConfig({ env: { SECRET: 'a-test-secret-that-is-long-enough', ...env }, cwd: '/nonexistent' });
	t.deepEqual(load({ CACHE_ENABLED: 'true', CACHE_TTL: '30s' }).cache, {
		enabled: true,
		store: 'memory',
		ttlMs: 30_000,
		autoPurge: true,
		skipAllowed: false,
		namespace: 'mantle-cache',
		valueMaxBytes: 1024 * 1024,
	});
	t.throws(() => load({ CACHE_ENABLED: 'true', CACHE_STORE: 'redis' }), { message: /CACHE_STORE=redis needs REDIS/ });
	t.throws(() => load({ CACHE_STORE: 'disk' }), { message: /CACHE_STORE/ });
	t.throws(() => load({ CACHE_TTL: 'soon' }), { message: /CACHE_TTL must be a duration/ });
	t.is(load({ CACHE_CONTROL_S_MAXAGE: '120' }).cache.sharedMaxAgeSeconds, 120);
});

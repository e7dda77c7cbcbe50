import { randomUUID } from 'node:crypto';
import test, { type ExecutionContext } from 'ava';
import { createTestDatabase, serviceSkipReason, vendorTargets, type TestDatabase } from './helpers/databases.js';
import { adminToken, startKernel } from './helpers/kernel.js';
import { api } from './helpers/http.js';
import { articles, createCatalog, seedCatalog } from './helpers/catalog.js';
import { eventually } from './helpers/wait.js';

const targets = await vendorTargets();
const redisSkip = await serviceSkipReason(6379, 'Redis at 127.0.0.1:6379');

/**
 * One test per database: SQLite with the in-process memory store, PostgreSQL and MariaDB with the
 * Redis store (each test in a namespace of its own), as a single instance and a scaled-out one would run.
 */
function cacheTest(title: string, env: Record<string, string>, body: (t: ExecutionContext, db: TestDatabase, url: string) => Promise<void>): void {
	for (const { vendor, skip } of targets) {
		const reason = skip ?? (vendor === 'sqlite' ? undefined : redisSkip);
		const name = `[${vendor}${vendor === 'sqlite' ? ', memory' : ', redis'}] ${title}`;
		if (reason) {
			test.skip(name, () => {});
			continue;
		}
		test(name, async (t) => {
			const db = await createTestDatabase(vendor);
			const store: Record<string, string> = vendor === 'sqlite' ? { CACHE_STORE: 'memory' } : { CACHE_STORE: 'redis', REDIS: 'redis://127.0.0.1:6379' };
			const kernel = await startKernel(db, { CACHE_ENABLED: 'true', CACHE_NAMESPACE: `test-${randomUUID()}`, ...store, ...env });
			try {
				await createCatalog(kernel.url);
				await seedCatalog(kernel.url);
				await body(t, db, kernel.url);
			} finally {
				await kernel.stop();
				await db.drop();
			}
		});
	}
}

async function get(url: string, path: string, token: string | null = adminToken, headers: Record<string, string> = {}) {
	const response = await fetch(`${url}${path}`, { headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } });
	return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

/** The data cache's counters as /metrics reports them. */
async function counts(url: string): Promise<{ hits: number; misses: number }> {
	const text = await (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${adminToken}` } })).text();
	const read = (name: string) => Number(new RegExp(`^${name} (\\d+)`, 'm').exec(text)?.[1] ?? NaN);
	return { hits: read('mantle_cache_hits_total'), misses: read('mantle_cache_misses_total') };
}

/** A role with one policy granting `rules`, and a user of it signing in with `token`. */
async function roleWith(url: string, db: TestDatabase, name: string, rules: Array<Record<string, unknown>>, tokens: string[]) {
	const role = (await api(url, 'POST', '/roles', { name })).body.data.id;
	const policy = (await api(url, 'POST', '/policies', { name: `${name} policy` })).body.data.id;
	await api(url, 'POST', '/access', { role, policy });
	const permissions: string[] = [];
	for (const rule of rules) permissions.push((await api(url, 'POST', '/permissions', { policy, ...rule })).body.data.id);
	const users: string[] = [];
	for (const token of tokens) {
		const id = randomUUID();
		await db.knex('mantle_users').insert({ id, email: `${token.slice(0, 12)}@example.com`, status: 'active', role, token });
		users.push(id);
	}
	return { role, policy, permissions, users };
}

const idsWith = (status: string) => articles.filter((a) => a.status === status).map((a) => ({ id: a.id }));
const list = '/items/articles?fields=id,title,author.name&sort=id&limit=100';

cacheTest('a repeated read is a hit counted in /metrics, with Cache-Control and Vary on the answer', { CACHE_TTL: '1h' }, async (t, _db, url) => {
	const before = await counts(url);
	const first = await get(url, list);
	const second = await get(url, list);
	const after = await counts(url);
	t.is(first.status, 200);
	t.deepEqual(second.body, first.body);
	t.is(first.body.data.length, 8);
	t.is(after.misses - before.misses, 1, 'the first read missed');
	t.is(after.hits - before.hits, 1, 'the second was answered from the cache');
	t.is(second.headers.get('cache-control'), 'private, no-cache', 'a signed-in caller’s answer is private');
	t.regex(second.headers.get('vary') ?? '', /Authorization/);
	t.regex(second.headers.get('content-type') ?? '', /^application\/json/);

	const publicPolicy = (await api(url, 'GET', '/policies?filter[name][_eq]=Public&fields=id')).body.data[0].id;
	t.is((await api(url, 'POST', '/permissions', { policy: publicPolicy, collection: 'tags', action: 'read', fields: '*' })).status, 200);
	await get(url, '/items/tags', null);
	const anonymous = await get(url, '/items/tags', null);
	t.is(anonymous.body.data.length, 3);
	t.regex(anonymous.headers.get('cache-control') ?? '', /^public, max-age=\d+$/, 'an anonymous answer may be kept by browsers and shared caches');
});

cacheTest('an answer kept from a read whose plan was cached is still dropped by a write to a joined collection', {}, async (t, _db, url) => {
	t.is((await get(url, list)).body.data[0].author.name, 'Ada');
	// The article write drops the answer; the next read misses, runs the plan cached by the first
	// read (no planning, so no collection resolved again) and keeps its answer anew.
	t.is((await api(url, 'PATCH', '/items/articles/2', { title: 'Renamed' })).status, 200);
	t.is((await get(url, list)).body.data[1].title, 'Renamed');
	const { hits } = await counts(url);
	t.is((await get(url, list)).body.data[0].author.name, 'Ada');
	t.is((await counts(url)).hits, hits + 1, 'that answer was kept');
	// authors is only joined: the kept answer must be filed under it too.
	t.is((await api(url, 'PATCH', '/items/authors/1', { name: 'Ada Lovelace' })).status, 200);
	t.is((await get(url, list)).body.data[0].author.name, 'Ada Lovelace', 'the joined change is seen on the very next read');
});

cacheTest('a write drops the cached reads of its collection and of reads that joined it', {}, async (t, _db, url) => {
	t.is((await get(url, list)).body.data[0].author.name, 'Ada');
	t.is((await get(url, list)).body.data[0].author.name, 'Ada');
	const { misses } = await counts(url);

	// authors is only joined into the cached list of articles.
	t.is((await api(url, 'PATCH', '/items/authors/1', { name: 'Ada Lovelace' })).status, 200);
	const joined = await get(url, list);
	t.is(joined.body.data[0].author.name, 'Ada Lovelace', 'the very next read sees the joined change');
	t.is((await counts(url)).misses - misses, 1);

	t.is((await api(url, 'PATCH', '/items/articles/2', { title: 'Renamed' })).status, 200);
	t.is((await get(url, list)).body.data[1].title, 'Renamed');
	t.is((await api(url, 'DELETE', '/items/articles/8')).status, 204);
	t.deepEqual(
		(await get(url, list)).body.data.map((a: any) => a.id),
		[1, 2, 3, 4, 5, 6, 7],
	);
	// A nested write to a collection other than the one addressed purges that one too.
	t.is((await get(url, '/items/tags?sort=id')).body.data.length, 3);
	await api(url, 'PATCH', '/items/articles/1', { tags: { create: [{ tags_id: { name: 'fresh' } }], update: [], delete: [] } });
	t.true(await eventually(async () => (await get(url, '/items/tags?sort=id')).body.data.length === 4, 5000));
});

cacheTest('Cache-Control: no-store bypasses the cache when CACHE_SKIP_ALLOWED is on', { CACHE_SKIP_ALLOWED: 'true', CACHE_TTL: '1h' }, async (t, db, url) => {
	t.is((await get(url, list)).body.data[0].title, 'Hello World');
	// Written behind Mantle's back, so nothing purges the cached answer.
	await db.knex('articles').where({ id: 1 }).update({ title: 'Changed in SQL' });
	t.is((await get(url, list)).body.data[0].title, 'Hello World', 'the cache still answers');
	const fresh = await get(url, list, adminToken, { 'cache-control': 'no-store' });
	t.is(fresh.body.data[0].title, 'Changed in SQL');
	t.is(fresh.headers.get('cache-control'), 'no-store');
	t.is((await api(url, 'POST', '/utils/cache/clear')).status, 204);
	t.is((await get(url, list)).body.data[0].title, 'Changed in SQL', '/utils/cache/clear empties it');
});

// A TTL of seconds, not milliseconds: a loaded CI machine can take over a second between two reads.
cacheTest('without CACHE_SKIP_ALLOWED no-store is ignored, and an answer expires after CACHE_TTL', { CACHE_TTL: '5s' }, async (t, db, url) => {
	t.is((await get(url, list)).body.data[0].title, 'Hello World');
	await db.knex('articles').where({ id: 1 }).update({ title: 'Changed in SQL' });
	const started = Date.now();
	t.is((await get(url, list, adminToken, { 'cache-control': 'no-store' })).body.data[0].title, 'Hello World');
	t.true(await eventually(async () => (await get(url, list)).body.data[0].title === 'Changed in SQL', 20_000), 'the answer expired');
	t.true(Date.now() - started >= 3000, 'not before its TTL');
});

cacheTest('callers under different row rules never see each other’s cached rows', { CACHE_TTL: '1h' }, async (t, db, url) => {
	await roleWith(
		url,
		db,
		'Published',
		[{ collection: 'articles', action: 'read', fields: 'id,title', permissions: { status: { _eq: 'published' } } }],
		['published-reader-token-0123456789'],
	);
	await roleWith(
		url,
		db,
		'Drafts',
		[{ collection: 'articles', action: 'read', fields: 'id,title', permissions: { status: { _eq: 'draft' } } }],
		['drafts-reader-token-0123456789ab'],
	);
	const own = await roleWith(
		url,
		db,
		'Own',
		[{ collection: 'articles', action: 'read', fields: 'id', permissions: { user_created: { _eq: '$CURRENT_USER' } } }],
		['own-reader-one-token-0123456789', 'own-reader-two-token-0123456789'],
	);
	await db.knex('articles').whereIn('id', [1, 2]).update({ user_created: own.users[0] });
	await db.knex('articles').whereIn('id', [3]).update({ user_created: own.users[1] });

	const path = '/items/articles?fields=id&sort=id';
	for (let round = 0; round < 2; round++) {
		t.deepEqual((await get(url, path, 'published-reader-token-0123456789')).body.data, idsWith('published'));
		t.deepEqual((await get(url, path, 'drafts-reader-token-0123456789ab')).body.data, idsWith('draft'));
		t.deepEqual((await get(url, path, 'own-reader-one-token-0123456789')).body.data, [{ id: 1 }, { id: 2 }], '$CURRENT_USER rules keep answers per user');
		t.deepEqual((await get(url, path, 'own-reader-two-token-0123456789')).body.data, [{ id: 3 }]);
		t.is((await get(url, path, null)).status, 403);
	}
	t.true((await counts(url)).hits >= 4, 'the second round came from the cache');
});

cacheTest('a permission change takes effect on the very next request', { CACHE_TTL: '1h' }, async (t, db, url) => {
	const token = 'changing-reader-token-0123456789';
	const { permissions } = await roleWith(url, db, 'Changing', [{ collection: 'articles', action: 'read', fields: 'id,title' }], [token]);
	const path = '/items/articles?fields=id&sort=id';
	t.is((await get(url, path, token)).body.data.length, 8);
	t.is((await get(url, path, token)).body.data.length, 8);
	t.is((await api(url, 'PATCH', `/permissions/${permissions[0]}`, { permissions: { status: { _eq: 'draft' } } })).status, 200);
	t.deepEqual((await get(url, path, token)).body.data, idsWith('draft'));
	t.is((await api(url, 'DELETE', `/permissions/${permissions[0]}`)).status, 204);
	t.is((await get(url, path, token)).status, 403);
});

const postgres = targets.find((target) => target.vendor === 'postgres');
const sharedSkip = redisSkip ?? (postgres ? postgres.skip : 'PostgreSQL is not in TEST_DB');
(sharedSkip ? test.skip : test)('[postgres, memory ×2] each instance’s own memory cache is purged by a write made on another', async (t) => {
	const db = await createTestDatabase('postgres');
	const env = { CACHE_ENABLED: 'true', CACHE_STORE: 'memory', CACHE_TTL: '1h', REDIS: 'redis://127.0.0.1:6379' };
	const a = await startKernel(db, env);
	const b = await startKernel(db, env);
	try {
		await Promise.all([a.kernel.invalidations!.ready(), b.kernel.invalidations!.ready()]);
		await createCatalog(a.url);
		await seedCatalog(a.url);
		t.is((await get(b.url, list)).body.data[0].author.name, 'Ada');
		// Purges and clears from A's seeding may still be arriving at B; once they have, B keeps its answer.
		const hitOnB = async () => {
			const { hits } = await counts(b.url);
			const read = await get(b.url, list);
			return read.body.data[0].author.name === 'Ada' && (await counts(b.url)).hits === hits + 1;
		};
		// On a quiet machine B hits within milliseconds; under a CI run of every suite at once its
		// backlog of the seeding's purges took longer than five seconds to drain.
		t.true(await eventually(hitOnB, 20_000), 'B answers from its own memory');
		t.is((await api(a.url, 'PATCH', '/items/authors/1', { name: 'Ada L.' })).status, 200);
		// Milliseconds on a quiet machine; the bound leaves room for a CI machine running every suite at once.
		t.true(await eventually(async () => (await get(b.url, list)).body.data[0].author.name === 'Ada L.', 20_000), 'B dropped it within twenty seconds');
	} finally {
		await a.stop();
		await b.stop();
		await db.drop();
	}
});

(targets.some((target) => target.vendor === 'sqlite') ? test : test.skip)(
	'[sqlite, redis away] with its Redis store unreachable the cache answers from the database, never with an error',
	async (t) => {
		const db = await createTestDatabase('sqlite');
		const kernel = await startKernel(db, { CACHE_ENABLED: 'true', CACHE_STORE: 'redis', REDIS: 'redis://127.0.0.1:1' });
		try {
			await createCatalog(kernel.url);
			await seedCatalog(kernel.url);
			for (let i = 0; i < 2; i++) t.is((await get(kernel.url, list)).body.data[0].title, 'Hello World');
			t.is((await api(kernel.url, 'PATCH', '/items/articles/1', { title: 'Still written' })).status, 200);
			const read = await get(kernel.url, list);
			t.is(read.status, 200);
			t.is(read.body.data[0].title, 'Still written');
			t.true(
				kernel.logs.some((line) => line.msg === 'data cache unavailable; answering from the database'),
				'the outage is logged',
			);
			t.is((await fetch(`${kernel.url}/server/ping`)).status, 200, 'the kernel is still up');
		} finally {
			await kernel.stop();
			await db.drop();
		}
	},
);

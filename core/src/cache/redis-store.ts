import type { Redis } from 'ioredis';
import type { CacheStore, Ticket } from './store.js';

// Each script runs atomically in Redis, so a lookup, a guarded store and a purge never interleave.
// Keys: <ns>:gen (bumped by a clear), <ns>:seq (bumped by a purge), <ns>:purged (tag -> seq of its
// last purge), <ns>:<gen>:v:<key> (values), <ns>:<gen>:t:<tag> (the value keys filed under a tag).

const getScript = `
local gen = redis.call('GET', KEYS[1]) or '0'
local seq = redis.call('GET', KEYS[2]) or '0'
local value = redis.call('GET', ARGV[1] .. ':' .. gen .. ':v:' .. ARGV[2])
return {gen, seq, value}
`;

const setScript = `
local gen = redis.call('GET', KEYS[1]) or '0'
if gen ~= ARGV[2] then return 0 end
local seq = tonumber(ARGV[3])
for i = 7, #ARGV do
	local purged = redis.call('HGET', KEYS[2], ARGV[i])
	if purged and tonumber(purged) > seq then return 0 end
end
local full = ARGV[1] .. ':' .. gen .. ':v:' .. ARGV[4]
redis.call('SET', full, ARGV[5], 'PX', ARGV[6])
for i = 7, #ARGV do
	local tag = ARGV[1] .. ':' .. gen .. ':t:' .. ARGV[i]
	redis.call('SADD', tag, full)
	redis.call('PEXPIRE', tag, ARGV[6])
end
return 1
`;

const purgeScript = `
local gen = redis.call('GET', KEYS[1]) or '0'
local seq = redis.call('INCR', KEYS[2])
for i = 2, #ARGV do
	redis.call('HSET', KEYS[3], ARGV[i], seq)
	local tag = ARGV[1] .. ':' .. gen .. ':t:' .. ARGV[i]
	for _, key in ipairs(redis.call('SMEMBERS', tag)) do redis.call('DEL', key) end
	redis.call('DEL', tag)
end
return seq
`;

type Scripted = Redis & {
	mantleCacheGet(gen: string, seq: string, ns: string, key: string): Promise<[string, string, string | null]>;
	mantleCacheSet(gen: string, purged: string, ...args: string[]): Promise<number>;
	mantleCachePurge(gen: string, seq: string, purged: string, ns: string, ...tags: string[]): Promise<number>;
};

/**
 * The cache in the Redis every instance shares: one instance's purge or clear is everyone's.
 * A clear bumps the generation instead of deleting keys, so it costs one command whatever the
 * cache holds; the old generation's values expire with their TTL.
 */
export class RedisStore implements CacheStore {
	readonly shared = true;
	private readonly redis: Scripted;

	constructor(
		redis: Redis,
		private readonly namespace: string,
	) {
		if (!('mantleCacheGet' in redis)) {
			redis.defineCommand('mantleCacheGet', { numberOfKeys: 2, lua: getScript });
			redis.defineCommand('mantleCacheSet', { numberOfKeys: 2, lua: setScript });
			redis.defineCommand('mantleCachePurge', { numberOfKeys: 3, lua: purgeScript });
		}
		this.redis = redis as Scripted;
	}

	async get(key: string): Promise<{ value: string | undefined; ticket: Ticket }> {
		const [generation, sequence, value] = await this.redis.mantleCacheGet(this.key('gen'), this.key('seq'), this.namespace, key);
		return { value: value ?? undefined, ticket: { generation, sequence: Number(sequence) } };
	}

	async set(key: string, value: string, ttlMs: number, tags: string[], ticket: Ticket): Promise<boolean> {
		const args = [this.namespace, ticket.generation, String(ticket.sequence), key, value, String(Math.max(1, Math.round(ttlMs))), ...tags];
		return (await this.redis.mantleCacheSet(this.key('gen'), this.key('purged'), ...args)) === 1;
	}

	async purge(tags: string[]): Promise<void> {
		if (tags.length === 0) return;
		await this.redis.mantleCachePurge(this.key('gen'), this.key('seq'), this.key('purged'), this.namespace, ...tags);
	}

	async clear(): Promise<void> {
		await this.redis.incr(this.key('gen'));
	}

	private key(name: string): string {
		return `${this.namespace}:${name}`;
	}
}

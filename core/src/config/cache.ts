import Joi from 'joi';

/** The data cache: where answers are kept, for how long, and what a client may ask of it. */
export interface CacheConfig {
	enabled: boolean;
	store: 'memory' | 'redis';
	ttlMs: number;
	/** A write drops the cached reads that touched its collection; otherwise they live out their TTL. */
	autoPurge: boolean;
	/** Whether a request's `Cache-Control: no-store` bypasses the cache. */
	skipAllowed: boolean;
	/** Prefix of every key, so several deployments can share one Redis. */
	namespace: string;
	/** `s-maxage` sent to shared caches (CDNs, proxies) on anonymous answers, in seconds; unset: none. */
	sharedMaxAgeSeconds?: number;
	/** Answers larger than this (serialized, in bytes) are not kept. */
	valueMaxBytes: number;
}

const flag = Joi.boolean().truthy('1', 'yes', 'on').falsy('0', 'no', 'off', '');
const duration = Joi.string()
	.pattern(/^\d+(\.\d+)?\s*(ms|s|m|h|d|w)?$/i)
	.messages({ 'string.pattern.base': '{{#label}} must be a duration such as 30s, 5m or 1h' });

/** The CACHE_* variables, merged into the environment schema (CACHE_ENABLED stays with the core ones). */
export const cacheVariables = {
	CACHE_STORE: Joi.string().valid('memory', 'redis').default('memory'),
	CACHE_TTL: duration.default('5m'),
	CACHE_AUTO_PURGE: flag.default(true),
	CACHE_SKIP_ALLOWED: flag.default(false),
	CACHE_NAMESPACE: Joi.string()
		.pattern(/^[\w.:-]+$/)
		.default('mantle-cache')
		.messages({ 'string.pattern.base': '{{#label}} must be letters, digits and . : _ - only' }),
	CACHE_CONTROL_S_MAXAGE: Joi.number().integer().min(0).messages({ 'number.base': '{{#label}} must be a whole number of seconds' }),
	CACHE_VALUE_MAX_SIZE: Joi.string()
		.pattern(/^\d+(\.\d+)?\s*(b|kb|mb|gb)?$/i)
		.default('1mb')
		.messages({ 'string.pattern.base': '{{#label}} must be a size such as 512kb or 1mb' }),
};

export function cacheConfig(
	v: Record<string, unknown>,
	parse: { duration: (text: string) => number; byteSize: (text: string) => number },
	fail: (variable: string, message: string) => never,
): CacheConfig {
	const store = v.CACHE_STORE as CacheConfig['store'];
	const enabled = Boolean(v.CACHE_ENABLED);
	// A shared store is what makes several instances agree; without REDIS there is nothing to share.
	if (enabled && store === 'redis' && !v.REDIS) fail('CACHE_STORE', 'Invalid configuration: CACHE_STORE=redis needs REDIS to be set.');
	const ttlMs = parse.duration(String(v.CACHE_TTL));
	if (enabled && ttlMs < 1) fail('CACHE_TTL', 'Invalid configuration: CACHE_TTL must be at least 1ms.');
	return {
		enabled,
		store,
		ttlMs,
		autoPurge: Boolean(v.CACHE_AUTO_PURGE),
		skipAllowed: Boolean(v.CACHE_SKIP_ALLOWED),
		namespace: String(v.CACHE_NAMESPACE),
		...(v.CACHE_CONTROL_S_MAXAGE === undefined ? {} : { sharedMaxAgeSeconds: Number(v.CACHE_CONTROL_S_MAXAGE) }),
		valueMaxBytes: parse.byteSize(String(v.CACHE_VALUE_MAX_SIZE)),
	};
}

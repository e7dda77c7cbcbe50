import type { Server } from '@hapi/hapi';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RateLimiterConfig } from '../config/index.js';
import { createError, toErrorBody } from '../errors/index.js';

export interface LimiterOptions {
	store: 'memory' | 'redis';
	redis?: Redis;
	points: number;
	/** Window in seconds; 0 keeps counts until they are deleted. */
	durationSeconds: number;
	keyPrefix: string;
}

/** A counter per key in this process, or in Redis so that every instance shares it. */
export function createLimiter({ store, redis, points, durationSeconds, keyPrefix }: LimiterOptions): RateLimiterAbstract {
	if (store === 'redis') {
		if (!redis) throw createError('rateLimiterNeedsRedis');
		// While Redis is away, this process counts on its own rather than letting everything through.
		const insuranceLimiter = new RateLimiterMemory({ points, duration: durationSeconds, keyPrefix });
		return new RateLimiterRedis({ storeClient: redis, points, duration: durationSeconds, keyPrefix, insuranceLimiter });
	}
	return new RateLimiterMemory({ points, duration: durationSeconds, keyPrefix });
}

/**
 * Limits requests per client IP before any other work is done. Over the limit: 429
 * REQUESTS_EXCEEDED with `Retry-After`. With Redis away, each process counts on its own;
 * should counting fail altogether, requests pass: an outage of the limiter must not become an
 * outage of the API.
 */
export function registerRateLimiter(server: Server, config: RateLimiterConfig, redis: Redis | undefined, logger: Logger): void {
	if (!config.enabled) return;
	const limiter = createLimiter({ store: config.store, redis, points: config.points, durationSeconds: config.durationSeconds, keyPrefix: config.keyPrefix });
	limitRequests(server, limiter, { points: config.points, logger, applies: () => true });
}

/**
 * `/auth/*` (logins, password resets, refreshes, SSO) has a budget of its own per client address,
 * on by default and stricter than the global one: guessing passwords is the cheapest attack there
 * is. It counts in Redis when there is one, so every instance shares it.
 */
export function registerAuthRateLimiter(
	server: Server,
	config: { enabled: boolean; points: number; durationSeconds: number; keyPrefix: string },
	redis: Redis | undefined,
	logger: Logger,
): void {
	if (!config.enabled) return;
	const limiter = createLimiter({
		store: redis ? 'redis' : 'memory',
		redis,
		points: config.points,
		durationSeconds: config.durationSeconds,
		keyPrefix: `${config.keyPrefix}-auth`,
	});
	limitRequests(server, limiter, { points: config.points, logger, applies: (path) => path === '/auth' || path.startsWith('/auth/') });
}

function limitRequests(
	server: Server,
	limiter: RateLimiterAbstract,
	{ points, logger, applies }: { points: number; logger: Logger; applies: (path: string) => boolean },
): void {
	server.ext('onRequest', async (request, h) => {
		if (!applies(request.path)) return h.continue;
		try {
			await limiter.consume(request.info.remoteAddress ?? 'unknown', 1);
			return h.continue;
		} catch (rejection) {
			if (!(rejection instanceof RateLimiterRes)) {
				logger.warn({ requestId: request.info.id, err: rejection }, 'rate limiter store unavailable');
				return h.continue;
			}
			const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
			const error = createError('REQUESTS_EXCEEDED', undefined, { limit: points, reset: new Date(Date.now() + rejection.msBeforeNext).toISOString() });
			return h.response(toErrorBody(error)).code(error.status).header('Retry-After', String(retryAfter)).takeover();
		}
	});
}

import type { Request, Server } from '@hapi/hapi';
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
	limitRequests(server, limiter, { points: config.points, logger });
}

/** A refusal a gate answers with instead of the route: the API's error shape and its headers. */
export interface GateRefusal {
	status: number;
	body: object;
	headers: Record<string, string>;
}

/**
 * Checks a request before the dispatcher does any work for it: undefined, synchronously, when the
 * request is not its business, else a promise of the refusal or of undefined to let it through.
 */
export type RequestGate = (request: Request) => Promise<GateRefusal | undefined> | undefined;

/**
 * `/auth/*` (logins, password resets, refreshes, SSO) has a budget of its own per client address,
 * on by default and stricter than the global one: guessing passwords is the cheapest attack there
 * is. It counts in Redis when there is one, so every instance shares it. Every `/auth` path is
 * served by the dispatcher, which asks this gate first: a server-wide `onRequest` extension point
 * would cost every other request a turn through Hapi's toolkit for nothing.
 */
export function authRateLimitGate(
	config: { enabled: boolean; points: number; durationSeconds: number; keyPrefix: string },
	redis: Redis | undefined,
	logger: Logger,
): RequestGate | undefined {
	if (!config.enabled) return undefined;
	const limiter = createLimiter({
		store: redis ? 'redis' : 'memory',
		redis,
		points: config.points,
		durationSeconds: config.durationSeconds,
		keyPrefix: `${config.keyPrefix}-auth`,
	});
	return (request) => (isAuthPath(request.path) ? consume(limiter, request, config.points, logger) : undefined);
}

const isAuthPath = (path: string) => path === '/auth' || path.startsWith('/auth/');

/** Counts one request against the caller's address: the refusal once over the budget. */
async function consume(limiter: RateLimiterAbstract, request: Request, points: number, logger: Logger): Promise<GateRefusal | undefined> {
	try {
		await limiter.consume(request.info.remoteAddress ?? 'unknown', 1);
		return undefined;
	} catch (rejection) {
		if (!(rejection instanceof RateLimiterRes)) {
			logger.warn({ requestId: request.info.id, err: rejection }, 'rate limiter store unavailable');
			return undefined;
		}
		const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
		const error = createError('REQUESTS_EXCEEDED', undefined, { limit: points, reset: new Date(Date.now() + rejection.msBeforeNext).toISOString() });
		return { status: error.status, body: toErrorBody(error), headers: { 'Retry-After': String(retryAfter) } };
	}
}

function limitRequests(server: Server, limiter: RateLimiterAbstract, { points, logger }: { points: number; logger: Logger }): void {
	server.ext('onRequest', async (request, h) => {
		const refusal = await consume(limiter, request, points, logger);
		if (!refusal) return h.continue;
		const response = h.response(refusal.body).code(refusal.status);
		for (const [name, value] of Object.entries(refusal.headers)) response.header(name, value);
		return response.takeover();
	});
}

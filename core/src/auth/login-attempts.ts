import type { Redis } from 'ioredis';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { createLimiter } from '../server/rate-limit.js';

export interface LoginAttempts {
	/** Counts one failure; true when it reached the limit (the user must be suspended). */
	fail(user: string): Promise<boolean>;
	reset(user: string): Promise<void>;
}

/**
 * Failed logins in a row, per user, in this process or in Redis (shared by every instance).
 * The counts never expire on their own: only a successful login resets them.
 */
export function createLoginAttempts(limit: number, redis: Redis | undefined): LoginAttempts {
	if (limit <= 0) return { fail: async () => false, reset: async () => undefined };
	const limiter = createLimiter({ store: redis ? 'redis' : 'memory', redis, points: limit, durationSeconds: 0, keyPrefix: 'mantle-login-attempts' });
	return {
		async fail(user) {
			try {
				const result = await limiter.consume(user, 1);
				return result.remainingPoints <= 0;
			} catch (rejection) {
				if (rejection instanceof RateLimiterRes) return true;
				throw rejection;
			}
		},
		async reset(user) {
			await limiter.delete(user);
		},
	};
}

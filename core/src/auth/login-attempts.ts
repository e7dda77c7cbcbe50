import type { Redis } from 'ioredis';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { AbuseConfig } from '../config/abuse.js';
import { createLimiter } from '../server/rate-limit.js';

export interface LoginAttempts {
	/** Whether logins as this account, or from this address, are cooling down after too many failures. */
	locked(user: string | null, address: string | null): Promise<boolean>;
	/** Counts one failure against the account (when known) and the address. */
	fail(user: string | null, address: string | null): Promise<void>;
	/** A success clears the account's count; the address keeps its own, so a caller can't clear it with an account of theirs. */
	succeed(user: string): Promise<void>;
}

type LoginLimits = AbuseConfig['login'];

/** Failures are counted over an hour (or the cool-down, if longer); a success clears the account's count. */
const countWindowSeconds = 3600;

/**
 * Failed logins per account and per client address, in this process or in Redis (shared by every
 * instance). A count that reaches its limit locks the account or address for `lockoutSeconds`,
 * after which it starts again: a cool-down, never a suspension, so no stranger can shut an
 * administrator out for good by guessing wrong on purpose.
 */
export function createLoginAttempts(limits: LoginLimits, redis: Redis | undefined): LoginAttempts {
	const durationSeconds = Math.max(limits.lockoutSeconds, countWindowSeconds);
	const counter = (points: number, keyPrefix: string) =>
		points > 0 ? { points, limiter: createLimiter({ store: redis ? 'redis' : 'memory', redis, points, durationSeconds, keyPrefix }) } : undefined;
	const accounts = counter(limits.attemptsPerAccount, 'mantle-login-account');
	const addresses = counter(limits.attemptsPerAddress, 'mantle-login-address');

	const isLocked = async (count: { points: number; limiter: RateLimiterAbstract } | undefined, key: string | null) => {
		if (!count || key === null) return false;
		const state = await count.limiter.get(key);
		return state !== null && state.consumedPoints >= count.points;
	};
	const count = async (target: { points: number; limiter: RateLimiterAbstract } | undefined, key: string | null) => {
		if (!target || key === null) return;
		// Past the limit, consuming rejects (with the state); either way the key is then locked for the cool-down.
		const state = await target.limiter.consume(key, 1).catch((rejection: unknown) => rejection as { consumedPoints?: number });
		if ((state.consumedPoints ?? 0) >= target.points) await target.limiter.block(key, limits.lockoutSeconds);
	};

	return {
		// Should the store fail (Redis away), logins go on uncounted: an outage of the counter must not become one of logins.
		async locked(user, address) {
			const [account, place] = await Promise.all([isLocked(accounts, user), isLocked(addresses, address)]).catch(() => [false, false]);
			return account || place;
		},
		async fail(user, address) {
			await Promise.all([count(accounts, user), count(addresses, address)]).catch(() => undefined);
		},
		async succeed(user) {
			await accounts?.limiter.delete(user).catch(() => undefined);
		},
	};
}

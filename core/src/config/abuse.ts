import Joi from 'joi';

/**
 * Bounds against abuse: the cost of one filter, and how logins are throttled. Login failures are
 * counted per account and per client address; reaching either limit cools that account or address
 * down for LOGIN_LOCKOUT_DURATION instead of suspending anyone, so strangers can delay a login but
 * never lock an administrator out for good.
 */
export interface AbuseConfig {
	/** Conditions and operators one filter may hold. */
	filterMaxNodes: number;
	login: {
		/** Failed logins of one account within an hour that lock it for the cool-down; 0 counts none. */
		attemptsPerAccount: number;
		/** Failed logins from one address (any account) within an hour that lock the address; 0 counts none. */
		attemptsPerAddress: number;
		lockoutSeconds: number;
	};
	/** The budget of `/auth/*` requests per client address, on whatever RATE_LIMITER_ENABLED says. */
	authRateLimiter: { enabled: boolean; points: number; durationSeconds: number };
}

const count = (min: number) => Joi.number().integer().min(min).messages({ 'number.base': '{{#label}} must be a whole number' });
const flag = Joi.boolean().truthy('1', 'yes', 'on').falsy('0', 'no', 'off', '');

/** The variables, merged into the environment schema. LOGIN_ATTEMPTS itself stays where it was. */
export const abuseVariables = {
	QUERY_FILTER_MAX_NODES: count(1).default(1000),
	LOGIN_ATTEMPTS_PER_ADDRESS: count(0).default(50),
	LOGIN_LOCKOUT_DURATION: count(1).default(900),
	RATE_LIMITER_AUTH_ENABLED: flag.default(true),
	RATE_LIMITER_AUTH_POINTS: count(1).default(30),
	RATE_LIMITER_AUTH_DURATION: count(1).default(60),
};

export function abuseConfig(v: Record<string, unknown>): AbuseConfig {
	return {
		filterMaxNodes: Number(v.QUERY_FILTER_MAX_NODES),
		login: {
			attemptsPerAccount: Number(v.LOGIN_ATTEMPTS),
			attemptsPerAddress: Number(v.LOGIN_ATTEMPTS_PER_ADDRESS),
			lockoutSeconds: Number(v.LOGIN_LOCKOUT_DURATION),
		},
		authRateLimiter: {
			enabled: Boolean(v.RATE_LIMITER_AUTH_ENABLED),
			points: Number(v.RATE_LIMITER_AUTH_POINTS),
			durationSeconds: Number(v.RATE_LIMITER_AUTH_DURATION),
		},
	};
}

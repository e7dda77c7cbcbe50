import type { AuthRequestContext, AuthTokens } from '@mantle/extensions-sdk';
import { TOTP, Secret } from 'otpauth';
import { createError } from '../errors/index.js';
import type { ResolvedIdentity } from './accountability.js';
import { requiredString, type AuthDeps } from './deps.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { issueTokens } from './tokens.js';

interface UserRow {
	id: string;
	email: string;
	password: string | null;
	status: string;
	tfa_secret: string | null;
}

/** Verified against when there is no user, so that an unknown email costs what a wrong password does. */
let dummyHash: Promise<string> | undefined;

/**
 * Email and password (and OTP once two-factor is on) for a new session. An unknown email and a
 * wrong password answer alike and take alike; failures in a row are counted and suspend the
 * user at LOGIN_ATTEMPTS.
 */
export async function login(deps: AuthDeps, credentials: { email?: unknown; password?: unknown; otp?: unknown }, context: AuthRequestContext, sessionMode: boolean): Promise<AuthTokens> {
	const email = requiredString(credentials.email, 'email');
	const password = requiredString(credentials.password, 'password');
	const user: UserRow | undefined = await deps.knex('mantle_users')
		.select('id', 'email', 'password', 'status', 'tfa_secret')
		.whereRaw('lower(email) = ?', [email.toLowerCase()])
		.first();

	if (!user || user.status !== 'active' || !user.password) {
		await verifyPassword(await (dummyHash ??= hashPassword('mantle-dummy-password')), password).catch(() => false);
		if (user?.status === 'suspended') throw createError('USER_SUSPENDED');
		throw createError('INVALID_CREDENTIALS');
	}
	if (!(await verifyPassword(user.password, password).catch(() => false))) return failed(deps, user.id, createError('INVALID_CREDENTIALS'));

	if (user.tfa_secret) {
		if (credentials.otp === undefined || credentials.otp === null || credentials.otp === '') {
			throw createError('INVALID_OTP', 'User has two-factor authentication enabled, but no OTP was provided.');
		}
		if (!otpMatches(user.tfa_secret, credentials.otp)) return failed(deps, user.id, createError('INVALID_OTP'));
	}

	const identity = await deps.authenticator.resolveUser(user.id);
	if (!identity) throw createError('INVALID_CREDENTIALS');
	deps.authenticator.checkIp(identity, context.ip);
	await deps.attempts.reset(user.id);
	return issueTokens(deps, identity as ResolvedIdentity & { user: string }, context, sessionMode);
}

async function failed(deps: AuthDeps, user: string, error: Error): Promise<never> {
	if (await deps.attempts.fail(user)) {
		await deps.knex('mantle_users').where({ id: user }).update({ status: 'suspended' });
		deps.authenticator.invalidate();
		deps.logger.warn({ user }, 'user suspended after too many failed logins');
	}
	throw error;
}

/** A 6-digit TOTP of the secret, accepted one step either side for clock drift. */
export function otpMatches(secret: string, otp: unknown): boolean {
	if (typeof otp !== 'string' && typeof otp !== 'number') return false;
	const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
	return totp.validate({ token: String(otp), window: 1 }) !== null;
}

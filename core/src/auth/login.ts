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

/** One argon2 verification that can only fail: the work a real check does, for answers that must take as long. */
async function spendVerification(password: string): Promise<void> {
	await verifyPassword(await (dummyHash ??= hashPassword('mantle-dummy-password')), password).catch(() => false);
}

/**
 * Email and password (and OTP once two-factor is on) for a new session. An unknown email, a
 * suspended or otherwise inactive account, a cooling-down account or address and a wrong password
 * all answer alike (INVALID_CREDENTIALS) and take alike (one argon2 verification each), so the
 * answer reveals nothing about the account. Failures count per account and per address.
 */
export async function login(
	deps: AuthDeps,
	credentials: { email?: unknown; password?: unknown; otp?: unknown },
	context: AuthRequestContext,
	sessionMode: boolean,
): Promise<AuthTokens> {
	const email = requiredString(credentials.email, 'email');
	const password = requiredString(credentials.password, 'password');
	const user: UserRow | undefined = await deps
		.knex('mantle_users')
		.select('id', 'email', 'password', 'status', 'tfa_secret')
		.whereRaw('lower(email) = ?', [email.toLowerCase()])
		.first();
	const address = context.ip ?? null;

	if (await deps.attempts.locked(user?.id ?? null, address)) {
		await spendVerification(password);
		throw createError('INVALID_CREDENTIALS');
	}
	if (!user || user.status !== 'active' || !user.password) {
		await spendVerification(password);
		return failed(deps, user?.id ?? null, address, createError('INVALID_CREDENTIALS'));
	}
	if (!(await verifyPassword(user.password, password).catch(() => false))) return failed(deps, user.id, address, createError('INVALID_CREDENTIALS'));

	if (user.tfa_secret) {
		if (credentials.otp === undefined || credentials.otp === null || credentials.otp === '') {
			throw createError('otpRequired');
		}
		if (!otpMatches(user.tfa_secret, credentials.otp)) return failed(deps, user.id, address, createError('INVALID_OTP'));
	}

	const identity = await deps.authenticator.resolveUser(user.id);
	if (!identity) throw createError('INVALID_CREDENTIALS');
	deps.authenticator.checkIp(identity, context.ip);
	await deps.attempts.succeed(user.id);
	return issueTokens(deps, identity as ResolvedIdentity & { user: string }, context, sessionMode);
}

async function failed(deps: AuthDeps, user: string | null, address: string | null, error: Error): Promise<never> {
	await deps.attempts.fail(user, address);
	throw error;
}

/** A 6-digit TOTP of the secret, accepted one step either side for clock drift. */
export function otpMatches(secret: string, otp: unknown): boolean {
	if (typeof otp !== 'string' && typeof otp !== 'number') return false;
	const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
	return totp.validate({ token: String(otp), window: 1 }) !== null;
}

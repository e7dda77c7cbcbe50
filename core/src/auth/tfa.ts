import type { Accountability } from '@mantle/extensions-sdk';
import { Secret, TOTP } from 'otpauth';
import { createError } from '../errors/index.js';
import { requiredString, type AuthDeps } from './deps.js';
import { otpMatches } from './login.js';
import { verifyPassword } from './passwords.js';

interface TfaUser {
	id: string;
	email: string | null;
	password: string | null;
	tfa_secret: string | null;
}

async function caller(deps: AuthDeps, accountability: Accountability): Promise<TfaUser> {
	if (!accountability.user) throw createError('FORBIDDEN');
	const user: TfaUser | undefined = await deps.knex('mantle_users').select('id', 'email', 'password', 'tfa_secret').where({ id: accountability.user }).first();
	if (!user) throw createError('FORBIDDEN');
	return user;
}

/**
 * A new TOTP secret for the caller, after they prove their password. Nothing is stored until
 * `enable` receives a code made with it, so a generated secret that is never confirmed is harmless.
 */
export async function generateTfa(deps: AuthDeps, accountability: Accountability, password: unknown): Promise<{ secret: string; otpauth_url: string }> {
	const user = await caller(deps, accountability);
	const given = requiredString(password, 'password');
	if (!user.password || !(await verifyPassword(user.password, given).catch(() => false))) throw createError('INVALID_CREDENTIALS');
	if (user.tfa_secret) throw createError('tfaAlreadyEnabled');
	const settings: { project_name?: string } | undefined = await deps.knex('mantle_settings').select('project_name').first();
	const secret = new Secret({ size: 20 });
	const totp = new TOTP({ issuer: settings?.project_name ?? 'Mantle', label: user.email ?? user.id, secret, digits: 6, period: 30, algorithm: 'SHA1' });
	return { secret: secret.base32, otpauth_url: totp.toString() };
}

export async function enableTfa(deps: AuthDeps, accountability: Accountability, secret: unknown, otp: unknown): Promise<void> {
	const user = await caller(deps, accountability);
	const base32 = requiredString(secret, 'secret');
	requiredString(typeof otp === 'number' ? String(otp) : otp, 'otp');
	if (user.tfa_secret) throw createError('tfaAlreadyEnabled');
	if (!/^[A-Z2-7]+=*$/i.test(base32)) throw createError('tfaSecretInvalid');
	if (!otpMatches(base32.toUpperCase(), otp)) throw createError('INVALID_OTP');
	await deps.knex('mantle_users').where({ id: user.id }).update({ tfa_secret: base32.toUpperCase() });
}

export async function disableTfa(deps: AuthDeps, accountability: Accountability, otp: unknown): Promise<void> {
	const user = await caller(deps, accountability);
	requiredString(typeof otp === 'number' ? String(otp) : otp, 'otp');
	if (!user.tfa_secret) throw createError('tfaNotEnabled');
	if (!otpMatches(user.tfa_secret, otp)) throw createError('INVALID_OTP');
	await deps.knex('mantle_users').where({ id: user.id }).update({ tfa_secret: null });
}

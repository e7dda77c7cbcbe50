import { randomUUID } from 'node:crypto';
import type { Accountability } from '@mantle/extensions-sdk';
import { createError } from '../errors/index.js';
import { escapeHtml, linkWithToken } from '../mail/mailer.js';
import { requiredString, type AuthDeps } from './deps.js';
import { signToken, verifyScopedToken } from './jwt.js';
import { hashPassword } from './passwords.js';
import { urlAllowed } from './password-reset.js';

const inviteTtlMs = 7 * 24 * 60 * 60 * 1000;

function body(value: unknown): Record<string, unknown> {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) throw createError('bodyNotPlainObject');
	return value as Record<string, unknown>;
}

function optionalString(value: unknown, name: string): string | null {
	if (value === undefined || value === null) return null;
	if (typeof value !== 'string') throw createError('fieldNotString', { field: name });
	return value;
}

function email(value: unknown): string {
	const address = requiredString(value, 'email');
	if (!/^[^\s@]+@[^\s@]+$/.test(address)) throw createError('fieldNotEmail', { field: 'email' });
	return address;
}

async function emailTaken(deps: AuthDeps, address: string): Promise<boolean> {
	return (await deps.knex('mantle_users').select('id').whereRaw('lower(email) = ?', [address.toLowerCase()]).first()) !== undefined;
}

/** The caller's own row without its secrets. Public callers are FORBIDDEN, as Directus answers. */
/**
 * Self-registration, when the project allows it: the new user gets the registration role. An
 * address already in use answers as a success would, so registration tells no one who has an
 * account.
 */
export async function register(deps: AuthDeps, input: unknown): Promise<void> {
	const values = body(input);
	const address = email(values.email);
	const password = requiredString(values.password, 'password');
	const settings: { public_registration: boolean | number; public_registration_role: string | null } | undefined = await deps
		.knex('mantle_settings')
		.select('public_registration', 'public_registration_role')
		.first();
	if (!settings || !settings.public_registration) throw createError('FORBIDDEN');
	if (await emailTaken(deps, address)) return;
	await deps.knex('mantle_users').insert({
		id: randomUUID(),
		email: address,
		password: await hashPassword(password),
		first_name: optionalString(values.first_name, 'first_name'),
		last_name: optionalString(values.last_name, 'last_name'),
		role: settings.public_registration_role,
		status: 'active',
		provider: 'default',
	});
}

/** Admins invite by email: an `invited` user with the role, and a mailed link to choose a password. */
export async function invite(deps: AuthDeps, accountability: Accountability, input: unknown): Promise<void> {
	if (!accountability.admin) throw createError('FORBIDDEN');
	const values = body(input);
	const addresses = (Array.isArray(values.email) ? values.email : [values.email]).map(email);
	const role = requiredString(values.role, 'role');
	const inviteUrl = optionalString(values.invite_url, 'invite_url');
	if (inviteUrl !== null && !urlAllowed(inviteUrl, deps.config.auth.inviteUrlAllowList))
		throw createError('urlNotAllowed', { field: 'invite_url', variable: 'USER_INVITE_URL_ALLOW_LIST' });
	if (!(await deps.knex('mantle_roles').select('id').where({ id: role }).first())) throw createError('roleMissing', { role: String(role) });
	for (const address of addresses) {
		const existing: { id: string; status: string } | undefined = await deps
			.knex('mantle_users')
			.select('id', 'status')
			.whereRaw('lower(email) = ?', [address.toLowerCase()])
			.first();
		if (existing && existing.status !== 'invited') throw createError('emailTaken', { email: address }, { field: 'email' });
		if (!existing) await deps.knex('mantle_users').insert({ id: randomUUID(), email: address, role, status: 'invited', provider: 'default' });
		const token = await signToken(deps.config.secret, { scope: 'invite', email: address }, inviteTtlMs);
		const link = linkWithToken(inviteUrl ?? `${deps.config.publicUrl}/admin/accept-invite`, token);
		await deps.mailer.send({
			to: address,
			subject: "You've been invited",
			text: `You have been invited to ${deps.config.publicUrl}. Open this link to choose your password and join:\n\n${link}`,
			html: `<p>You have been invited to ${escapeHtml(deps.config.publicUrl)}.</p><p><a href="${escapeHtml(link)}">Accept the invitation</a></p>`,
		});
	}
	deps.authenticator.invalidate();
}

/** Turns an invited user active with the password they chose; a token works only while they are invited. */
export async function acceptInvite(deps: AuthDeps, input: unknown): Promise<void> {
	const values = body(input);
	const password = requiredString(values.password, 'password');
	const payload = await verifyScopedToken(deps.config.secret, values.token, 'invite');
	const updated = await deps
		.knex('mantle_users')
		.where({ email: String(payload.email), status: 'invited' })
		.update({ password: await hashPassword(password), status: 'active' });
	if (updated !== 1) throw createError('INVALID_TOKEN');
	deps.authenticator.invalidate();
}

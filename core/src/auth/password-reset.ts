import { createHash } from 'node:crypto';
import { createError } from '../errors/index.js';
import { escapeHtml, linkWithToken } from '../mail/mailer.js';
import { requiredString, type AuthDeps } from './deps.js';
import { signToken, verifyScopedToken } from './jwt.js';
import { hashPassword } from './passwords.js';

const resetTtlMs = 60 * 60 * 1000;

/** Binds a reset token to the password it replaces: once the password changes, the token is spent. */
function passwordFingerprint(passwordHash: string | null): string {
	return createHash('sha256')
		.update(passwordHash ?? '')
		.digest('base64url');
}

/** Whether `url` is one of the allow-listed URLs (compared without query or fragment). */
export function urlAllowed(url: string, allowList: string[]): boolean {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return false;
	}
	const bare = `${parsed.origin}${parsed.pathname}`.replace(/\/+$/, '');
	return allowList.some((allowed) => allowed.replace(/\/+$/, '') === bare);
}

/**
 * Mails a reset link to an active user. Answers the same whether or not the email is known, so
 * that no one learns which addresses have accounts; a failing mail server is logged, not told.
 */
export async function requestPasswordReset(deps: AuthDeps, email: unknown, resetUrl: unknown): Promise<void> {
	const address = requiredString(email, 'email');
	if (resetUrl !== undefined && resetUrl !== null) {
		if (typeof resetUrl !== 'string' || !urlAllowed(resetUrl, deps.config.auth.passwordResetUrlAllowList)) {
			throw createError('urlNotAllowed', { field: 'reset_url', variable: 'PASSWORD_RESET_URL_ALLOW_LIST' });
		}
	}
	const user: { id: string; email: string; password: string | null } | undefined = await deps
		.knex('mantle_users')
		.select('id', 'email', 'password')
		.whereRaw('lower(email) = ?', [address.toLowerCase()])
		.where({ status: 'active' })
		.first();
	if (!user) return;
	const token = await signToken(deps.config.secret, { scope: 'password-reset', id: user.id, hash: passwordFingerprint(user.password) }, resetTtlMs);
	const link = linkWithToken(typeof resetUrl === 'string' ? resetUrl : `${deps.config.publicUrl}/admin/reset-password`, token);
	// Sent after answering, so that known and unknown addresses take the same time.
	deps.mailer
		.send({
			to: user.email,
			subject: 'Password reset request',
			text: `A password reset was requested for your account. Open this link within an hour to choose a new password:\n\n${link}\n\nIf you did not ask for this, ignore this message.`,
			html: `<p>A password reset was requested for your account. Open this link within an hour to choose a new password:</p><p><a href="${escapeHtml(link)}">Reset your password</a></p><p>If you did not ask for this, ignore this message.</p>`,
		})
		.catch((error: unknown) => deps.logger.error({ err: error }, 'password reset mail could not be sent'));
}

/** Sets a new password with a reset token; the token works once and for an hour. */
export async function resetPassword(deps: AuthDeps, token: unknown, password: unknown): Promise<void> {
	const newPassword = requiredString(password, 'password');
	const payload = await verifyScopedToken(deps.config.secret, token, 'password-reset');
	const user: { id: string; password: string | null; status: string } | undefined = await deps
		.knex('mantle_users')
		.select('id', 'password', 'status')
		.where({ id: String(payload.id) })
		.first();
	if (!user || user.status !== 'active' || payload.hash !== passwordFingerprint(user.password)) throw createError('INVALID_TOKEN');
	const updated = await deps
		.knex('mantle_users')
		.where({ id: user.id, password: user.password })
		.update({ password: await hashPassword(newPassword) });
	if (updated !== 1) throw createError('INVALID_TOKEN');
	// Sessions opened with the old password end with it.
	await deps.knex('mantle_sessions').where({ user: user.id }).delete();
	deps.authenticator.sessionsEnded();
}

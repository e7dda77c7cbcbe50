import type { AuthCapability, AuthCookieSettings, PresentedSession } from '@mantle/extensions-sdk';
import type { CookieConfig } from '../config/index.js';
import { createError } from '../errors/index.js';
import type { AuthDeps } from './deps.js';
import type { ResolvedIdentity } from './accountability.js';
import { verifyToken } from './jwt.js';
import { login } from './login.js';
import { requestPasswordReset, resetPassword } from './password-reset.js';
import { deleteSession, hashToken, rotateSession } from './sessions.js';
import { finishProviderLogin, startProviderLogin, stateCookieName, stateTtlMs } from './sso/flow.js';
import { ProviderRegistry } from './sso/providers.js';
import { disableTfa, enableTfa, generateTfa } from './tfa.js';
import { tokensFor } from './tokens.js';
import { acceptInvite, invite, register } from './users.js';

function cookieSettings(cookie: CookieConfig, maxAgeMs: number): AuthCookieSettings {
	return { name: cookie.name, secure: cookie.secure, sameSite: cookie.sameSite, domain: cookie.domain, maxAgeMs };
}

/**
 * The session a refresh or logout names: the refresh token's hash, or the session an access
 * token in the session cookie names (its signature checked, its expiry not: refreshing is what
 * an expired session cookie is for).
 */
async function sessionKey(deps: AuthDeps, presented: PresentedSession): Promise<string> {
	if (presented.refreshToken) return hashToken(presented.refreshToken);
	if (presented.sessionToken) {
		const payload = await verifyToken(deps.config.secret, presented.sessionToken, { ignoreExpiry: true });
		if (typeof payload.session === 'string' && payload.scope === undefined) return payload.session;
	}
	throw createError('refreshTokenRequired');
}

/** The kernel's side of the `auth` capability, for the first-party `/auth` and `/users` endpoints. */
export function createAuthCapability(deps: AuthDeps): AuthCapability {
	const registry = new ProviderRegistry(deps.config.auth.providers);
	const { auth } = deps.config;
	return {
		cookies: {
			refresh: cookieSettings(auth.refreshCookie, auth.refreshTokenTtlMs),
			session: cookieSettings(auth.sessionCookie, auth.sessionCookie.ttlMs),
			// Lax, whatever the refresh cookie says: it must come back on the provider's top-level redirect.
			ssoState: { ...cookieSettings(auth.refreshCookie, stateTtlMs), name: stateCookieName, sameSite: 'lax' },
		},
		// `auth.login`: filters may change or refuse the credentials; actions hear of every outcome.
		async login(credentials, context, { session }) {
			const payload = deps.bus ? await deps.bus.filter('auth.login', credentials, { provider: 'default' }, null) : credentials;
			const meta = { payload: { email: (payload as { email?: unknown }).email }, provider: 'default', ip: context.ip };
			try {
				const tokens = await login(deps, payload, context, session);
				deps.bus?.action('auth.login', { ...meta, status: 'success' }, null);
				return tokens;
			} catch (error) {
				deps.bus?.action('auth.login', { ...meta, status: 'fail', reason: (error as { code?: string }).code }, null);
				throw error;
			}
		},
		async refresh(presented, context, { session }) {
			// The rotated session ends, and so does a whole chain when the token was reused: either way
			// the access tokens naming it must stop working, here and on every instance.
			const rotated = await rotateSession(deps.knex, await sessionKey(deps, presented), auth.refreshTokenTtlMs, {
				graceMs: auth.refreshReuseGraceMs,
				secret: deps.config.secret,
			}).finally(() => deps.authenticator.sessionsEnded());
			const identity = await deps.authenticator.resolveUser(rotated.user);
			if (!identity) {
				await deleteSession(deps.knex, rotated.key);
				throw createError('INVALID_CREDENTIALS');
			}
			deps.authenticator.checkIp(identity, context.ip);
			return tokensFor(deps, identity as ResolvedIdentity & { user: string }, rotated, session);
		},
		async logout(presented) {
			await deleteSession(deps.knex, await sessionKey(deps, presented));
			deps.authenticator.sessionsEnded();
		},
		requestPasswordReset: (email, resetUrl) => requestPasswordReset(deps, email, resetUrl),
		resetPassword: (token, password) => resetPassword(deps, token, password),
		providers: () => registry.providers.map(({ name, driver, label, icon }) => ({ name, driver, label, icon })),
		startProviderLogin: (provider, query) => startProviderLogin(deps, registry, provider, query),
		finishProviderLogin: (provider, query, state, context) => finishProviderLogin(deps, registry, provider, query, state, context),
		users: {
			register: (body) => register(deps, body),
			invite: (accountability, body) => invite(deps, accountability, body),
			acceptInvite: (body) => acceptInvite(deps, body),
		},
		tfa: {
			generate: (accountability, password) => generateTfa(deps, accountability, password),
			enable: (accountability, secret, otp) => enableTfa(deps, accountability, secret, otp),
			disable: (accountability, otp) => disableTfa(deps, accountability, otp),
		},
	};
}

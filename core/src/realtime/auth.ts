import type { Request } from '@hapi/hapi';
import { decodeJwt } from 'jose';
import type { Accountability, AuthCapability, AuthRequestContext } from '@mantle/extensions-sdk';
import type { Authenticate } from '../auth/accountability.js';
import { looksLikeJwt } from '../auth/jwt.js';
import { createError } from '../errors/index.js';

/** Who a socket speaks for, and until when. */
export interface SocketIdentity {
	accountability: Accountability;
	/** When the access token stops being valid (ms since the epoch); absent for static tokens and the public. */
	expiresAt?: number;
	/** A new refresh token when the socket logged in or refreshed, as Directus answers it. */
	refreshToken?: string;
	/** The access token the identity was resolved from, to resolve it again when access rules change. */
	token: string | null;
}

export interface SocketAuthDeps {
	/** The kernel's request authenticator (users, static tokens, shares), asked with a token as a request would present it. */
	authenticate: Authenticate;
	auth: AuthCapability;
}

/**
 * Resolves a socket's identity exactly as an HTTP request with the same token would be: the
 * same token checks, sessions, IP rules and public policies. Credentials and refresh tokens go
 * through the auth capability, so failed logins count towards lockouts as on `/auth/login`.
 */
export async function identify(deps: SocketAuthDeps, token: string | null, context: AuthRequestContext): Promise<SocketIdentity> {
	const request = {
		info: { remoteAddress: context.ip ?? undefined },
		headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(context.userAgent ? { 'user-agent': context.userAgent } : {}) },
		query: {},
		state: {},
		path: '/websocket',
	} as unknown as Request;
	const accountability = await deps.authenticate(request);
	return { accountability, token, ...(token ? { expiresAt: expiryOf(token) } : {}) };
}

/** The `auth` message: `access_token`, `refresh_token`, or `email` and `password` (and `otp`). */
export async function authenticateMessage(deps: SocketAuthDeps, message: Record<string, unknown>, context: AuthRequestContext): Promise<SocketIdentity> {
	if (typeof message.access_token === 'string' && message.access_token !== '') return identify(deps, message.access_token, context);
	if (typeof message.refresh_token === 'string' && message.refresh_token !== '') {
		const tokens = await deps.auth.refresh({ refreshToken: message.refresh_token }, context, { session: false });
		return { ...(await identify(deps, tokens.accessToken, context)), refreshToken: tokens.refreshToken };
	}
	if (message.email !== undefined || message.password !== undefined) {
		const tokens = await deps.auth.login({ email: message.email, password: message.password, otp: message.otp }, context, { session: false });
		return { ...(await identify(deps, tokens.accessToken, context)), refreshToken: tokens.refreshToken };
	}
	throw createError('realtimeAuthIncomplete');
}

/** A JWT's `exp`, read only after the authenticator has verified the token. */
function expiryOf(token: string): number | undefined {
	if (!looksLikeJwt(token)) return undefined;
	const exp = decodeJwt(token).exp;
	return typeof exp === 'number' ? exp * 1000 : undefined;
}

import type { AuthTokens, AuthRequestContext } from '@mantle/extensions-sdk';
import type { AuthDeps } from './deps.js';
import type { ResolvedIdentity } from './accountability.js';
import { signToken, type AccessTokenPayload } from './jwt.js';
import { createSession, type IssuedSession } from './sessions.js';

/** A signed access token for an identity; with `session`, one that names (and dies with) that session. */
export function signAccessToken(deps: AuthDeps, identity: ResolvedIdentity & { user: string }, session?: string): Promise<string> {
	const payload: AccessTokenPayload = {
		id: identity.user,
		role: identity.role,
		app_access: identity.app,
		admin_access: identity.admin,
		...(session ? { session } : {}),
	};
	return signToken(deps.config.secret, { ...payload }, deps.config.auth.accessTokenTtlMs);
}

export async function tokensFor(
	deps: AuthDeps,
	identity: ResolvedIdentity & { user: string },
	session: IssuedSession,
	sessionMode: boolean,
): Promise<AuthTokens> {
	const accessToken = await signAccessToken(deps, identity, sessionMode ? session.key : undefined);
	return { accessToken, expires: deps.config.auth.accessTokenTtlMs, refreshToken: session.refreshToken };
}

/** A new session for a user who has just proven who they are, and its tokens. */
export async function issueTokens(
	deps: AuthDeps,
	identity: ResolvedIdentity & { user: string },
	context: AuthRequestContext,
	sessionMode: boolean,
): Promise<AuthTokens> {
	const session = await createSession(deps.knex, identity.user, deps.config.auth.refreshTokenTtlMs, context);
	await deps.knex('mantle_users').where({ id: identity.user }).update({ last_access: new Date() });
	return tokensFor(deps, identity, session, sessionMode);
}

import { randomUUID } from 'node:crypto';
import type { AuthMode, AuthRequestContext, ProviderLoginResult, ProviderLoginStart } from '@mantle/extensions-sdk';
import type { AuthProviderConfig } from '../../config/index.js';
import { createError, MantleError } from '../../errors/index.js';
import type { AuthDeps } from '../deps.js';
import type { ResolvedIdentity } from '../accountability.js';
import { signToken, verifyScopedToken } from '../jwt.js';
import { urlAllowed } from '../password-reset.js';
import { issueTokens } from '../tokens.js';
import type { ProviderRegistry } from './providers.js';

/** Long enough to log in at the provider, short enough that a stolen state cookie is soon useless. */
export const stateTtlMs = 10 * 60 * 1000;
export const stateCookieName = 'mantle_sso_state';

interface SsoState {
	provider: string;
	verifier: string;
	state: string;
	nonce?: string;
	redirect?: string;
	mode: AuthMode;
}

export function callbackUrl(deps: AuthDeps, provider: string): string {
	return `${deps.config.publicUrl}/auth/login/${encodeURIComponent(provider)}/callback`;
}

/**
 * Sends the browser to the provider. State, PKCE verifier and where to go afterwards travel in
 * a signed, short-lived cookie: no server-side storage, and a callback from another browser
 * (without the cookie) is refused.
 */
export async function startProviderLogin(
	deps: AuthDeps,
	registry: ProviderRegistry,
	name: string,
	query: Record<string, unknown>,
): Promise<ProviderLoginStart> {
	const provider = registry.find(name);
	const redirect = typeof query.redirect === 'string' && query.redirect !== '' ? query.redirect : undefined;
	if (redirect !== undefined && !urlAllowed(redirect, provider.redirectAllowList)) {
		throw createError('urlNotAllowed', { field: 'redirect', variable: `AUTH_${name.toUpperCase()}_REDIRECT_ALLOW_LIST` });
	}
	const mode: AuthMode = redirect === undefined ? 'json' : query.mode === 'session' ? 'session' : 'cookie';
	const client = await import('openid-client');
	const configuration = await registry.configuration(provider);
	const verifier = client.randomPKCECodeVerifier();
	const state: SsoState = { provider: name, verifier, state: client.randomState(), redirect, mode };
	if (provider.driver === 'openid') state.nonce = client.randomNonce();
	const url = client.buildAuthorizationUrl(configuration, {
		redirect_uri: callbackUrl(deps, name),
		scope: provider.scope,
		code_challenge: await client.calculatePKCECodeChallenge(verifier),
		code_challenge_method: 'S256',
		state: state.state,
		...(state.nonce ? { nonce: state.nonce } : {}),
	});
	return { url: url.toString(), state: await signToken(deps.config.secret, { scope: 'sso-state', ...state }, stateTtlMs) };
}

/**
 * Completes the login the provider sent back: exchanges the code, finds the user by provider and
 * external identifier (creating one only where the provider allows public registration) and
 * opens a session. Failures go back to the redirect with `?reason=` when there is one.
 */
export async function finishProviderLogin(
	deps: AuthDeps,
	registry: ProviderRegistry,
	name: string,
	query: Record<string, unknown>,
	stateToken: string | undefined,
	context: AuthRequestContext,
): Promise<ProviderLoginResult> {
	const provider = registry.find(name);
	const state = (await verifyScopedToken(deps.config.secret, stateToken, 'sso-state').catch(() => {
		throw createError('ssoStateMissing');
	})) as unknown as SsoState;
	if (state.provider !== name) throw createError('INVALID_CREDENTIALS');
	try {
		const profile = await fetchProfile(deps, registry, provider, query, state);
		const identity = await findOrCreateUser(deps, provider, profile);
		deps.authenticator.checkIp(identity, context.ip);
		const tokens = await issueTokens(deps, identity, context, state.mode === 'session');
		return { mode: state.mode, redirect: state.redirect, tokens };
	} catch (error) {
		if (!state.redirect) throw error;
		const reason = error instanceof MantleError ? error.code : 'SERVICE_UNAVAILABLE';
		if (!(error instanceof MantleError)) deps.logger.warn({ err: error, provider: name }, 'SSO login failed');
		const target = new URL(state.redirect);
		target.searchParams.set('reason', reason);
		return { mode: state.mode, redirect: target.toString(), reason };
	}
}

async function fetchProfile(
	deps: AuthDeps,
	registry: ProviderRegistry,
	provider: AuthProviderConfig,
	query: Record<string, unknown>,
	state: SsoState,
): Promise<Record<string, unknown>> {
	const client = await import('openid-client');
	const configuration = await registry.configuration(provider);
	const current = new URL(callbackUrl(deps, provider.name));
	for (const [key, value] of Object.entries(query)) if (typeof value === 'string') current.searchParams.set(key, value);
	let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
	try {
		tokens = await client.authorizationCodeGrant(configuration, current, {
			pkceCodeVerifier: state.verifier,
			expectedState: state.state,
			...(state.nonce ? { expectedNonce: state.nonce, idTokenExpected: true } : {}),
		});
	} catch (error) {
		deps.logger.warn({ err: error, provider: provider.name }, 'SSO code exchange refused');
		throw createError('INVALID_CREDENTIALS');
	}
	const claims: Record<string, unknown> = { ...(tokens.claims() ?? {}) };
	const profileEndpoint = configuration.serverMetadata().userinfo_endpoint;
	if (provider.driver === 'openid' && profileEndpoint) {
		const subject = typeof claims.sub === 'string' ? claims.sub : client.skipSubjectCheck;
		Object.assign(claims, await client.fetchUserInfo(configuration, tokens.access_token, subject));
	} else if (profileEndpoint) {
		const response = await client.fetchProtectedResource(configuration, tokens.access_token, new URL(profileEndpoint), 'GET');
		if (!response.ok) throw createError('INVALID_CREDENTIALS');
		Object.assign(claims, (await response.json()) as Record<string, unknown>);
	}
	return claims;
}

async function findOrCreateUser(deps: AuthDeps, provider: AuthProviderConfig, profile: Record<string, unknown>): Promise<ResolvedIdentity & { user: string }> {
	const identifier = profile[provider.identifierKey];
	if (typeof identifier !== 'string' && typeof identifier !== 'number') throw createError('ssoProfileIncomplete', { key: provider.identifierKey });
	const externalIdentifier = String(identifier).toLowerCase();
	let user: { id: string; status: string } | undefined = await deps
		.knex('mantle_users')
		.select('id', 'status')
		.where({ provider: provider.name, external_identifier: externalIdentifier })
		.first();
	if (!user) {
		if (!provider.allowPublicRegistration) throw createError('ssoUserNotRegistered');
		const email = typeof profile[provider.emailKey] === 'string' ? (profile[provider.emailKey] as string) : null;
		const emailFree =
			email === null || (await deps.knex('mantle_users').select('id').whereRaw('lower(email) = ?', [email.toLowerCase()]).first()) === undefined;
		const text = (key: string | undefined) => (key && typeof profile[key] === 'string' ? (profile[key] as string).slice(0, 50) : null);
		user = { id: randomUUID(), status: 'active' };
		await deps.knex('mantle_users').insert({
			id: user.id,
			email: emailFree ? email : null,
			first_name: text(provider.firstNameKey) ?? text('given_name'),
			last_name: text(provider.lastNameKey) ?? text('family_name'),
			provider: provider.name,
			external_identifier: externalIdentifier,
			role: provider.defaultRoleId ?? null,
			status: 'active',
		});
	}
	if (user.status === 'suspended') throw createError('USER_SUSPENDED');
	if (user.status !== 'active') throw createError('INVALID_CREDENTIALS');
	const identity = await deps.authenticator.resolveUser(user.id);
	if (!identity) throw createError('INVALID_CREDENTIALS');
	return identity as ResolvedIdentity & { user: string };
}

import type { Accountability } from './accountability.js';

/** How a login hands over its tokens: in the body, the refresh token in a cookie, or a session cookie. */
export type AuthMode = 'json' | 'cookie' | 'session';

/** Where a login or refresh comes from, recorded with the session. */
export interface AuthRequestContext {
	ip: string | null;
	userAgent?: string;
	origin?: string;
}

/** `expires` is the access token's lifetime in milliseconds, as Directus clients expect. */
export interface AuthTokens {
	accessToken: string;
	expires: number;
	refreshToken: string;
}

/** What a `Set-Cookie` for one of the kernel's cookies must say. */
export interface AuthCookieSettings {
	name: string;
	secure: boolean;
	sameSite: 'lax' | 'strict' | 'none';
	domain?: string;
	maxAgeMs: number;
}

/** A refresh token (json/cookie modes) or a session cookie (session mode). */
export interface PresentedSession {
	refreshToken?: string;
	sessionToken?: string;
}

export interface AuthProviderInfo {
	name: string;
	driver: string;
	label: string;
	icon: string;
}

/** The first step of an SSO login: send the browser to `url`, keeping `state` in the `ssoState` cookie. */
export interface ProviderLoginStart {
	url: string;
	state: string;
}

/**
 * The end of an SSO login. With `redirect`, the browser goes there (with `reason` on failure);
 * without, the tokens are answered as JSON.
 */
export interface ProviderLoginResult {
	mode: AuthMode;
	redirect?: string;
	tokens?: AuthTokens;
	reason?: string;
}

/**
 * Identity: logins, sessions, password resets, SSO, two-factor and self-service user actions,
 * implemented by the kernel. HTTP concerns (bodies, cookies, redirects) stay with the endpoint;
 * inputs are passed as received and validated here. Offered to the first-party `/auth` and
 * `/users` endpoints.
 */
export interface AuthCapability {
	/** `ssoState` carries an SSO login's state from its start to its callback. */
	cookies: { refresh: AuthCookieSettings; session: AuthCookieSettings; ssoState: AuthCookieSettings };
	/** With `session`, the access token names a new session and serves as the session cookie. */
	login(credentials: { email?: unknown; password?: unknown; otp?: unknown }, context: AuthRequestContext, options: { session: boolean }): Promise<AuthTokens>;
	/** Rotates the session: the presented token stops working, and a second use of it ends the session. */
	refresh(presented: PresentedSession, context: AuthRequestContext, options: { session: boolean }): Promise<AuthTokens>;
	logout(presented: PresentedSession): Promise<void>;
	/** Mails a reset link to an active user with this email; silent when there is none. */
	requestPasswordReset(email: unknown, resetUrl: unknown): Promise<void>;
	resetPassword(token: unknown, password: unknown): Promise<void>;
	providers(): AuthProviderInfo[];
	startProviderLogin(provider: string, query: Record<string, unknown>): Promise<ProviderLoginStart>;
	/** `callbackQuery` is the query the provider redirected back with; `state` the state cookie's value. */
	finishProviderLogin(
		provider: string,
		callbackQuery: Record<string, unknown>,
		state: string | undefined,
		context: AuthRequestContext,
	): Promise<ProviderLoginResult>;
	users: {
		register(body: unknown): Promise<void>;
		invite(accountability: Accountability, body: unknown): Promise<void>;
		acceptInvite(body: unknown): Promise<void>;
	};
	tfa: {
		generate(accountability: Accountability, password: unknown): Promise<{ secret: string; otpauth_url: string }>;
		enable(accountability: Accountability, secret: unknown, otp: unknown): Promise<void>;
		disable(accountability: Accountability, otp: unknown): Promise<void>;
	};
}

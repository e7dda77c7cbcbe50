import type { AuthConfig, AuthProviderConfig, EmailConfig, RateLimiterConfig } from './types.js';

type Fail = (variable: string, message: string) => never;
type Values = Record<string, unknown>;

const list = (value: unknown) =>
	String(value ?? '')
		.split(',')
		.map((item) => item.trim())
		.filter(Boolean);

/** Login, tokens, cookies and SSO providers; `AUTH_<NAME>_*` groups are read for each name in AUTH_PROVIDERS. */
export function authConfig(v: Values, raw: Record<string, string>, parseDuration: (value: string) => number, fail: Fail): AuthConfig {
	return {
		accessTokenTtlMs: parseDuration(String(v.ACCESS_TOKEN_TTL)),
		refreshTokenTtlMs: parseDuration(String(v.REFRESH_TOKEN_TTL)),
		refreshReuseGraceMs: parseDuration(String(v.REFRESH_TOKEN_REUSE_GRACE)),
		refreshCookie: {
			name: String(v.REFRESH_TOKEN_COOKIE_NAME),
			secure: Boolean(v.REFRESH_TOKEN_COOKIE_SECURE),
			sameSite: String(v.REFRESH_TOKEN_COOKIE_SAME_SITE).toLowerCase() as 'lax',
			domain: v.REFRESH_TOKEN_COOKIE_DOMAIN as string | undefined,
		},
		sessionCookie: {
			name: String(v.SESSION_COOKIE_NAME),
			ttlMs: parseDuration(String(v.SESSION_COOKIE_TTL)),
			secure: Boolean(v.SESSION_COOKIE_SECURE),
			sameSite: String(v.SESSION_COOKIE_SAME_SITE).toLowerCase() as 'lax',
			domain: v.SESSION_COOKIE_DOMAIN as string | undefined,
		},
		loginAttempts: Number(v.LOGIN_ATTEMPTS),
		passwordResetUrlAllowList: list(v.PASSWORD_RESET_URL_ALLOW_LIST),
		inviteUrlAllowList: list(v.USER_INVITE_URL_ALLOW_LIST),
		providers: list(v.AUTH_PROVIDERS).map((name) => providerConfig(name, raw, fail)),
	};
}

function providerConfig(name: string, raw: Record<string, string>, fail: Fail): AuthProviderConfig {
	const prefix = `AUTH_${name.toUpperCase()}_`;
	const get = (key: string) => (raw[prefix + key] === undefined || raw[prefix + key] === '' ? undefined : raw[prefix + key]);
	const need = (key: string, why: string) => get(key) ?? fail(prefix + key, `Invalid configuration: ${prefix}${key} is required ${why}.`);
	const driver = need('DRIVER', `for the provider "${name}" listed in AUTH_PROVIDERS (openid or oauth2)`);
	if (driver !== 'openid' && driver !== 'oauth2')
		fail(`${prefix}DRIVER`, `Invalid configuration: ${prefix}DRIVER must be openid or oauth2 (got ${JSON.stringify(driver)}).`);
	const openid = driver === 'openid';
	const flag = (key: string) => /^(1|true|yes|on)$/i.test(get(key) ?? '');
	return {
		name,
		driver,
		clientId: need('CLIENT_ID', `for the provider "${name}"`),
		clientSecret: get('CLIENT_SECRET'),
		issuerUrl: openid ? need('ISSUER_URL', 'for an openid provider') : undefined,
		authorizeUrl: openid ? undefined : need('AUTHORIZE_URL', 'for an oauth2 provider'),
		accessUrl: openid ? undefined : need('ACCESS_URL', 'for an oauth2 provider'),
		profileUrl: openid ? get('PROFILE_URL') : need('PROFILE_URL', 'for an oauth2 provider'),
		scope: get('SCOPE') ?? (openid ? 'openid profile email' : 'email'),
		identifierKey: get('IDENTIFIER_KEY') ?? 'email',
		emailKey: get('EMAIL_KEY') ?? 'email',
		firstNameKey: get('FIRST_NAME_KEY'),
		lastNameKey: get('LAST_NAME_KEY'),
		defaultRoleId: get('DEFAULT_ROLE_ID'),
		allowPublicRegistration: flag('ALLOW_PUBLIC_REGISTRATION'),
		redirectAllowList: list(get('REDIRECT_ALLOW_LIST')),
		label: get('LABEL') ?? name,
		icon: get('ICON') ?? (openid ? 'account_circle' : 'lock'),
		allowInsecureRequests: flag('ALLOW_INSECURE_REQUESTS'),
	};
}

export function emailConfig(v: Values): EmailConfig {
	return {
		transport: v.EMAIL_TRANSPORT as 'smtp',
		from: String(v.EMAIL_FROM),
		smtp: {
			host: v.EMAIL_SMTP_HOST as string | undefined,
			port: Number(v.EMAIL_SMTP_PORT),
			user: v.EMAIL_SMTP_USER as string | undefined,
			password: v.EMAIL_SMTP_PASSWORD as string | undefined,
			secure: Boolean(v.EMAIL_SMTP_SECURE),
			ignoreTls: Boolean(v.EMAIL_SMTP_IGNORE_TLS),
		},
	};
}

export function rateLimiterConfig(v: Values, fail: Fail): RateLimiterConfig {
	const store = v.RATE_LIMITER_STORE as 'memory' | 'redis';
	if (v.RATE_LIMITER_ENABLED && store === 'redis' && !v.REDIS)
		fail('RATE_LIMITER_STORE', 'Invalid configuration: RATE_LIMITER_STORE=redis needs REDIS to be set.');
	return {
		enabled: Boolean(v.RATE_LIMITER_ENABLED),
		points: Number(v.RATE_LIMITER_POINTS),
		durationSeconds: Number(v.RATE_LIMITER_DURATION),
		store,
		keyPrefix: String(v.RATE_LIMITER_KEY_PREFIX),
	};
}

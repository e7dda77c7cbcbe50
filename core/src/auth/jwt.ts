import { SignJWT, jwtVerify, errors, type JWTPayload } from 'jose';
import { createError } from '../errors/index.js';

export const issuer = 'mantle';

/** What an access token says about its holder; `session` only for session-cookie tokens. */
export interface AccessTokenPayload {
	id: string;
	role: string | null;
	app_access: boolean;
	admin_access: boolean;
	session?: string;
}

/** Purpose-bound tokens (password reset, invites, SSO state) carry a `scope` an access token never has. */
export type TokenScope = 'password-reset' | 'invite' | 'sso-state' | 'email-verification';

const keyCache = new Map<string, Uint8Array>();
function keyOf(secret: string): Uint8Array {
	let key = keyCache.get(secret);
	if (!key) keyCache.set(secret, (key = new TextEncoder().encode(secret)));
	return key;
}

export function signToken(secret: string, payload: Record<string, unknown>, ttlMs: number): Promise<string> {
	return (
		new SignJWT(payload)
			.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
			.setIssuer(issuer)
			.setIssuedAt()
			// Rounded up: a one-second lifetime must not end before the token is even used.
			.setExpirationTime(Math.ceil((Date.now() + ttlMs) / 1000))
			.sign(keyOf(secret))
	);
}

/**
 * Verifies signature (HS256 only, so `alg: none` and key confusion are refused), issuer and
 * expiry. An expired token is TOKEN_EXPIRED, so clients know to refresh; anything else that
 * fails is INVALID_CREDENTIALS and never a server error.
 */
export async function verifyToken(secret: string, token: string, options: { ignoreExpiry?: boolean } = {}): Promise<JWTPayload> {
	try {
		const { payload } = await jwtVerify(token, keyOf(secret), {
			algorithms: ['HS256'],
			issuer,
			// A session cookie is re-verified on refresh after its access lifetime has ended.
			...(options.ignoreExpiry ? { currentDate: new Date(0) } : {}),
		});
		return payload;
	} catch (error) {
		if (error instanceof errors.JWTExpired) throw createError('TOKEN_EXPIRED');
		throw createError('INVALID_CREDENTIALS');
	}
}

export async function verifyAccessToken(secret: string, token: string): Promise<AccessTokenPayload> {
	const payload = await verifyToken(secret, token);
	if (payload.scope !== undefined || typeof payload.id !== 'string') throw createError('INVALID_CREDENTIALS');
	return payload as unknown as AccessTokenPayload;
}

/** A token of the given purpose; a wrong, expired or reused one is INVALID_TOKEN. */
export async function verifyScopedToken(secret: string, token: unknown, scope: TokenScope): Promise<JWTPayload> {
	if (typeof token !== 'string' || token === '') throw createError('fieldRequired', { field: 'token' });
	const payload = await verifyToken(secret, token).catch(() => {
		throw createError('INVALID_TOKEN');
	});
	if (payload.scope !== scope) throw createError('INVALID_TOKEN');
	return payload;
}

/** Three base64url segments whose first decodes to a JOSE header: a JWT rather than a static token. */
export function looksLikeJwt(token: string): boolean {
	const parts = token.split('.');
	if (parts.length !== 3 || !/^[\w-]+$/.test(parts[0]!) || !/^[\w-]+$/.test(parts[1]!) || !/^[\w-]*$/.test(parts[2]!)) return false;
	try {
		const header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8')) as unknown;
		return typeof header === 'object' && header !== null && 'alg' in header;
	} catch {
		return false;
	}
}

import type { Request } from '@hapi/hapi';

export interface PresentedToken {
	token: string;
	/** A cookie is sent by the browser on its own; a header or query token is presented on purpose. */
	source: 'bearer' | 'query' | 'cookie';
}

/** The bearer token of a request: the Authorization header, or `?access_token=` as clients send it. */
export function extractToken(request: Request): string | null {
	const header = request.headers.authorization;
	if (typeof header === 'string') {
		const [scheme, token] = header.split(' ');
		if (scheme?.toLowerCase() === 'bearer' && token) return token;
	}
	const fromQuery = request.query.access_token;
	return typeof fromQuery === 'string' && fromQuery !== '' ? fromQuery : null;
}

/** The token a request presents: header or query first, else the session cookie. */
export function presentedToken(request: Request, sessionCookieName: string): PresentedToken | null {
	const explicit = extractToken(request);
	if (explicit) return { token: explicit, source: typeof request.headers.authorization === 'string' ? 'bearer' : 'query' };
	const value = (request.state as Record<string, unknown> | null)?.[sessionCookieName];
	const cookie = Array.isArray(value) ? value[0] : value;
	return typeof cookie === 'string' && cookie !== '' ? { token: cookie, source: 'cookie' } : null;
}

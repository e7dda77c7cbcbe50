import type { Request } from '@hapi/hapi';

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

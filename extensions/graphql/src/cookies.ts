import type { AuthCookieSettings } from '@mantle/extensions-sdk';

/** The cookies of a request's `Cookie` header, by name. */
export function readCookies(header: string | string[] | undefined): Record<string, string> {
	const cookies: Record<string, string> = {};
	for (const line of Array.isArray(header) ? header : header ? [header] : []) {
		for (const pair of line.split(';')) {
			const index = pair.indexOf('=');
			if (index < 1) continue;
			const value = pair.slice(index + 1).trim();
			let decoded = value;
			try {
				decoded = decodeURIComponent(value);
			} catch {
				// a malformed escape is kept as sent
			}
			cookies[pair.slice(0, index).trim()] ??= decoded;
		}
	}
	return cookies;
}

/** The same `Set-Cookie` the `/auth` endpoint sends, so a GraphQL login signs in the browser alike. */
export function setCookie(settings: AuthCookieSettings, value: string | null): string {
	const parts = [`${settings.name}=${value === null ? '' : encodeURIComponent(value)}`, 'Path=/', 'HttpOnly', `SameSite=${settings.sameSite[0]!.toUpperCase()}${settings.sameSite.slice(1)}`];
	if (value === null) parts.push('Max-Age=0', 'Expires=Thu, 01 Jan 1970 00:00:00 GMT');
	else parts.push(`Max-Age=${Math.floor(settings.maxAgeMs / 1000)}`, `Expires=${new Date(Date.now() + settings.maxAgeMs).toUTCString()}`);
	if (settings.domain) parts.push(`Domain=${settings.domain}`);
	if (settings.secure || settings.sameSite === 'none') parts.push('Secure');
	return parts.join('; ');
}

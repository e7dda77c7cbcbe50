import type { AuthCookieSettings } from './auth.js';

/**
 * The `Set-Cookie` value for one of the kernel's auth cookies: httpOnly, for the whole API, with
 * the configured SameSite, domain and lifetime. `null` removes the cookie. Reading cookies needs
 * no helper: the host parses them into `request.cookies`.
 */
export function setCookie(settings: AuthCookieSettings, value: string | null): string {
	const parts = [
		`${settings.name}=${value === null ? '' : encodeURIComponent(value)}`,
		'Path=/',
		'HttpOnly',
		`SameSite=${settings.sameSite[0]!.toUpperCase()}${settings.sameSite.slice(1)}`,
	];
	if (value === null) parts.push('Max-Age=0', 'Expires=Thu, 01 Jan 1970 00:00:00 GMT');
	else parts.push(`Max-Age=${Math.floor(settings.maxAgeMs / 1000)}`, `Expires=${new Date(Date.now() + settings.maxAgeMs).toUTCString()}`);
	if (settings.domain) parts.push(`Domain=${settings.domain}`);
	if (settings.secure || settings.sameSite === 'none') parts.push('Secure');
	return parts.join('; ');
}

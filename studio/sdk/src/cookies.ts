// Browsers keep cookies themselves (and hide Set-Cookie from scripts); outside a browser the
// client keeps the cookies its server sets, so cookie and session logins work in Node too.

export interface CookieJar {
	/** The Cookie header to send, or undefined when the jar is empty. */
	header(): string | undefined;
	store(response: Response): void;
	clear(): void;
}

export function createCookieJar(): CookieJar {
	const cookies = new Map<string, string>();
	return {
		header() {
			if (cookies.size === 0) return undefined;
			return [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
		},
		store(response) {
			const lines = typeof response.headers.getSetCookie === 'function' ? response.headers.getSetCookie() : [];
			for (const line of lines) {
				const [pair = '', ...attributes] = line.split(';');
				const at = pair.indexOf('=');
				if (at <= 0) continue;
				const name = pair.slice(0, at).trim();
				const value = pair.slice(at + 1).trim();
				const expired = attributes.some((attribute) => {
					const [key = '', raw = ''] = attribute.split('=').map((part) => part.trim());
					if (key.toLowerCase() === 'max-age') return Number(raw) <= 0;
					if (key.toLowerCase() === 'expires') return Date.parse(raw) <= Date.now();
					return false;
				});
				if (expired || value === '') cookies.delete(name);
				else cookies.set(name, value);
			}
		},
		clear: () => cookies.clear(),
	};
}

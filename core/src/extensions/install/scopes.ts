/** Whether the granted scopes cover every scope requested (and, for lists, every entry). */
export function covers(granted: Record<string, unknown> | null | undefined, requested: Record<string, unknown>): boolean {
	if (!granted) return Object.keys(requested).length === 0;
	return Object.entries(requested).every(([scope, wanted]) => {
		if (!(scope in granted)) return false;
		const given = granted[scope] as Record<string, unknown> | undefined;
		if (!wanted || typeof wanted !== 'object') return true;
		return Object.entries(wanted as Record<string, unknown>).every(([key, value]) => {
			if (!Array.isArray(value)) return true;
			const allowed = Array.isArray(given?.[key]) ? (given![key] as unknown[]) : [];
			return value.every((entry) => allowed.includes(entry));
		});
	});
}

/** Granted scopes as `mantle_extensions` stores them: JSON text on some vendors, parsed on others; null when none. */
export function parseScopes(value: unknown): Record<string, unknown> | null {
	if (value === null || value === undefined) return null;
	if (typeof value !== 'string') return value as Record<string, unknown>;
	try {
		return JSON.parse(value) as Record<string, unknown>;
	} catch {
		return null;
	}
}

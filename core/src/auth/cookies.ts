/** The cookies of a `Cookie` header, by name; a malformed pair is skipped, never an error. */
export function parseCookies(header: string | string[] | undefined): Record<string, string> {
	const cookies: Record<string, string> = {};
	for (const line of Array.isArray(header) ? header : header ? [header] : []) {
		for (const pair of line.split(';')) {
			const index = pair.indexOf('=');
			if (index < 1) continue;
			const name = pair.slice(0, index).trim();
			let value = pair.slice(index + 1).trim();
			if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
			try {
				cookies[name] ??= decodeURIComponent(value);
			} catch {
				cookies[name] ??= value;
			}
		}
	}
	return cookies;
}

import type { GrantedScopes } from '../types.js';

/** `ctx.env`: a frozen copy holding the listed keys and nothing else, whatever the kernel handed over. */
export function grantedEnv(scopes: GrantedScopes, values: Record<string, string>): Readonly<Record<string, string>> | undefined {
	if (!scopes.env) return undefined;
	const env: Record<string, string> = {};
	for (const key of scopes.env.keys) {
		const value = Object.hasOwn(values, key) ? values[key] : undefined;
		if (typeof value === 'string') env[key] = value;
	}
	return Object.freeze(env);
}

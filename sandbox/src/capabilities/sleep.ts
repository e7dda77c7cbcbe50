import { SandboxError } from '../errors.js';
import type { GrantedScopes } from '../types.js';
import { envelope } from './envelope.js';

/** `ctx.sleep(ms)`: the only timer inside. A sleep longer than a call may last is cut to that length. */
export function createSleep(scopes: GrantedScopes, maxMs: number): ((ms: unknown) => Promise<string>) | undefined {
	if (!scopes.sleep) return undefined;
	return envelope(async (ms: unknown) => {
		if (!scopes.sleep) throw new SandboxError('FORBIDDEN', 'The sleep capability is not granted.');
		if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) throw new SandboxError('INVALID_PAYLOAD', 'sleep() takes a number of milliseconds.');
		await new Promise((resolve) => setTimeout(resolve, Math.min(ms, maxMs)));
	});
}

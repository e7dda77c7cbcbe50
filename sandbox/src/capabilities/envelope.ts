import { toWire } from '../errors.js';

/**
 * Wraps a host function the isolate may call so that it never throws across the boundary: a thrown
 * host error would carry its host stack into the isolate. The isolate unwraps `{ ok }` or `{ error }`.
 */
export function envelope<Args extends unknown[]>(run: (...args: Args) => unknown): (...args: Args) => Promise<string> {
	return async (...args) => {
		try {
			return JSON.stringify({ ok: await run(...args) });
		} catch (error) {
			return JSON.stringify({ error: toWire(error) });
		}
	};
}

export function parseJson(text: unknown, what: string): unknown {
	if (text === undefined) return undefined;
	if (typeof text !== 'string') throw new TypeError(`${what} must be JSON.`);
	return JSON.parse(text) as unknown;
}

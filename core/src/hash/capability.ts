import type { HashCapability } from '@mantle/extensions-sdk';
import { createError } from '../errors/index.js';

/** Longer input only costs hashing time; Directus clients hash passwords and tokens, far shorter. */
const maxInputLength = 4096;

/** argon2id hashes for `/utils/hash`, the same algorithm and settings as stored passwords. */
export function createHashCapability(): HashCapability {
	const checked = (value: unknown, name: string): string => {
		if (typeof value !== 'string' || value === '') throw createError('fieldNotNonEmptyString', { field: name });
		if (value.length > maxInputLength) throw createError('fieldTooLong', { field: name, max: maxInputLength });
		return value;
	};
	return {
		async generate(value) {
			const argon2 = await import('argon2');
			return argon2.hash(checked(value, 'string'), { type: argon2.argon2id });
		},
		async verify(value, hash) {
			const argon2 = await import('argon2');
			const plain = checked(value, 'string');
			const stored = checked(hash, 'hash');
			// A malformed hash verifies as false rather than an error: it matches nothing.
			return argon2.verify(stored, plain).catch(() => false);
		},
	};
}

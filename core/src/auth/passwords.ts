import { randomBytes } from 'node:crypto';

/** argon2id with the library's defaults (memory-hard; tuned by its maintainers). Loaded on first use. */
export async function hashPassword(password: string): Promise<string> {
	const argon2 = await import('argon2');
	return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
	const argon2 = await import('argon2');
	return argon2.verify(hash, password);
}

/** A password for a generated admin: 24 characters, about 144 bits, no look-alike characters. */
export function generatePassword(): string {
	const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
	return Array.from(randomBytes(24), (byte) => alphabet[byte % alphabet.length]).join('');
}

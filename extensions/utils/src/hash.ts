import { createError, type HashCapability, type Router } from '@mantle/extensions-sdk';

/**
 * `/utils/hash/generate` and `/utils/hash/verify`: argon2id, as stored passwords use. Hashing is
 * costly on purpose, so it is for signed-in users only: no stranger spends the server's CPU.
 */
export function registerHashRoutes(router: Router, hash: HashCapability): void {
	const body = (value: unknown): Record<string, unknown> =>
		typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
	const signedIn = (user: string | null) => {
		if (!user) throw createError('FORBIDDEN');
	};

	router.post('/hash/generate', async ({ body: raw, accountability }) => {
		signedIn(accountability.user);
		return { body: { data: await hash.generate(body(raw).string as string) } };
	});

	router.post('/hash/verify', async ({ body: raw, accountability }) => {
		signedIn(accountability.user);
		const { string, hash: stored } = body(raw);
		return { body: { data: await hash.verify(string as string, stored as string) } };
	});
}

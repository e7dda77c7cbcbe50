import { createError, type Router } from '@mantle/extensions-sdk';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const maxLength = 500;

/** `/utils/random/string?length=n`: a URL-safe random string (default 32 characters, at most 500). */
export function registerRandomRoutes(router: Router): void {
	router.get('/random/string', ({ query }) => {
		const raw = query.length === undefined ? '32' : String(query.length);
		const length = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
		if (!Number.isInteger(length) || length < 1 || length > maxLength)
			throw createError('parameterOutOfRange', { parameter: 'length', min: 1, max: maxLength });
		// 64 symbols: a byte's low six bits pick one without bias.
		const bytes = crypto.getRandomValues(new Uint8Array(length));
		let text = '';
		for (const byte of bytes) text += alphabet[byte & 63];
		return { body: { data: text } };
	});
}

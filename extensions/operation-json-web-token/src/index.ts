import { SignJWT, decodeJwt, jwtVerify, type JWTPayload } from 'jose';
import { createError, defineOperation } from '@mantle/extensions-sdk';

interface TokenOptions {
	operation?: unknown;
	payload?: unknown;
	token?: unknown;
	secret?: unknown;
	/** Passed to signing: `expiresIn` (`1h`, `30m`), `issuer`, `audience`, `subject`. */
	options?: { expiresIn?: unknown; issuer?: unknown; audience?: unknown; subject?: unknown };
}

/** Signs, verifies (HS256 with the given secret) or decodes a JSON web token. */
export default defineOperation<TokenOptions>({
	id: 'json-web-token',
	name: 'JSON Web Token',
	options: [
		{
			field: 'operation',
			name: 'Operation',
			type: 'string',
			meta: {
				interface: 'select-dropdown',
				options: {
					choices: [
						{ text: 'sign', value: 'sign' },
						{ text: 'verify', value: 'verify' },
						{ text: 'decode', value: 'decode' },
					],
				},
			},
			schema: { default_value: 'sign' },
		},
		{ field: 'payload', name: 'Payload', type: 'json', meta: { interface: 'input-code' } },
		{ field: 'token', name: 'Token', type: 'string', meta: { interface: 'input' } },
		{ field: 'secret', name: 'Secret', type: 'string', meta: { interface: 'input' } },
		{ field: 'options', name: 'Options', type: 'json', meta: { interface: 'input-code' } },
	],
	async handler({ operation, payload, token, secret, options = {} }) {
		if (operation === 'decode') return decodeJwt(tokenOf(token));
		const key = new TextEncoder().encode(secretOf(secret));
		if (operation === 'verify') {
			try {
				return (await jwtVerify(tokenOf(token), key, { algorithms: ['HS256'] })).payload;
			} catch (error) {
				throw createError('operationTokenNotVerified', { reason: error instanceof Error ? error.message : 'invalid' });
			}
		}
		if (operation === 'sign') {
			const claims = (typeof payload === 'string' ? JSON.parse(payload) : payload) as JWTPayload;
			if (claims === null || typeof claims !== 'object' || Array.isArray(claims)) throw createError('jwtNeedsPayload');
			let jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuedAt();
			if (typeof options.expiresIn === 'string' || typeof options.expiresIn === 'number') jwt = jwt.setExpirationTime(options.expiresIn);
			if (typeof options.issuer === 'string') jwt = jwt.setIssuer(options.issuer);
			if (typeof options.audience === 'string') jwt = jwt.setAudience(options.audience);
			if (typeof options.subject === 'string') jwt = jwt.setSubject(options.subject);
			return jwt.sign(key);
		}
		throw createError('jwtOperationUnknown', { value: String(operation) });
	},
});

function tokenOf(token: unknown): string {
	if (typeof token !== 'string' || token === '') throw createError('jwtNeedsToken');
	return token;
}

function secretOf(secret: unknown): string {
	if (typeof secret !== 'string' || secret.length < 16) throw createError('jwtSecretTooShort');
	return secret;
}

import type { Knex } from 'knex';
import type { SharesCapability } from '@mantle/extensions-sdk';
import { signToken } from '../auth/jwt.js';
import { createError } from '../errors/index.js';
import { loadShare, useShare } from './store.js';

export interface SharesDeps {
	knex: Knex;
	secret: string;
	accessTokenTtlMs: number;
}

/** A share whose hash nothing matches: a wrong share id costs the same time as a wrong password. */
const decoyHash = '$argon2id$v=19$m=65536,t=3,p=4$c2hhcmUtZGVjb3ktc2FsdA$J1y3S6Gv2m0xV8mV5QyY0fQ1nWlqK1o5mB7rXo3QwZ8';

/** Share logins: every refusal is the same INVALID_CREDENTIALS, so a visitor learns nothing from it. */
export function createSharesCapability(deps: SharesDeps): SharesCapability {
	return {
		async login(shareId, password) {
			const share = typeof shareId === 'string' ? await loadShare(deps.knex, shareId) : undefined;
			const given = typeof password === 'string' ? password : '';
			const argon2 = await import('argon2');
			const passwordOk = share?.password
				? await argon2.verify(share.password, given).catch(() => false)
				: (await argon2.verify(decoyHash, given || 'x').catch(() => false), share !== undefined);
			if (!share || !passwordOk || !share.live || !share.usesLeft) throw createError('INVALID_CREDENTIALS');
			if (!(await useShare(deps.knex, share.id))) throw createError('INVALID_CREDENTIALS');
			const accessToken = await signToken(deps.secret, { share: share.id, scope: 'share' }, deps.accessTokenTtlMs);
			return { accessToken, expires: deps.accessTokenTtlMs };
		},
	};
}

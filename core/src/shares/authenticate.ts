import type { Request } from '@hapi/hapi';
import type { Knex } from 'knex';
import { decodeJwt } from 'jose';
import type { Authenticate } from '../auth/accountability.js';
import { looksLikeJwt, verifyToken } from '../auth/jwt.js';
import { extractToken } from '../auth/token.js';
import { createError } from '../errors/index.js';
import type { ShareAccountability } from './scope.js';
import { loadShare } from './store.js';

export interface ShareAuthenticationDeps {
	knex: Knex;
	secret: string;
	primaryOf(collection: string): Promise<string>;
}

/**
 * Lets a share visitor's token through: it becomes an accountability scoped to the shared item
 * (see ShareAwarePermissions). Any other request is authenticated as before. A share that ended
 * or was deleted ends its visitors' access at once.
 */
export function allowShareTokens(authenticate: Authenticate, deps: ShareAuthenticationDeps): Authenticate {
	return async (request: Request) => {
		const token = extractToken(request);
		if (!token || !looksLikeJwt(token) || !claimsShare(token)) return authenticate(request);
		const payload = await verifyToken(deps.secret, token);
		if (payload.scope !== 'share' || typeof payload.share !== 'string') throw createError('INVALID_CREDENTIALS');
		const share = await loadShare(deps.knex, payload.share);
		if (!share || !share.live) throw createError('INVALID_CREDENTIALS');
		const accountability: ShareAccountability = {
			user: null,
			role: share.role,
			roles: share.role ? [share.role] : [],
			policies: share.policies,
			admin: false,
			app: false,
			ip: request.info.remoteAddress ?? null,
			userAgent: request.headers['user-agent'] as string | undefined,
			share: { id: share.id, collection: share.collection, item: share.item, primary: await deps.primaryOf(share.collection), full: share.full },
		};
		return accountability;
	};
}

function claimsShare(token: string): boolean {
	try {
		return decodeJwt(token).scope === 'share';
	} catch {
		return false;
	}
}

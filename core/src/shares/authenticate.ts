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
	// Whether a JWT claims the share scope, per token: decoding it again on every request of a
	// signed-in user cost more than the rest of recognising them.
	const claims = new Map<string, boolean>();
	const claimsShareCached = (token: string) => {
		let verdict = claims.get(token);
		if (verdict === undefined) {
			if (claims.size >= maxRememberedTokens) claims.clear();
			claims.set(token, (verdict = claimsShare(token)));
		}
		return verdict;
	};
	return (request: Request) => {
		const token = extractToken(request);
		if (!token || !looksLikeJwt(token) || !claimsShareCached(token)) return authenticate(request);
		return shareAccountability(request, token, deps);
	};
}

/** Tokens whose share claim is remembered at most, so a flood of distinct tokens cannot grow memory without end. */
const maxRememberedTokens = 10_000;

async function shareAccountability(request: Request, token: string, deps: ShareAuthenticationDeps): Promise<ShareAccountability> {
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
}

function claimsShare(token: string): boolean {
	try {
		return decodeJwt(token).scope === 'share';
	} catch {
		return false;
	}
}

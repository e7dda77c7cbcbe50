import type { Request } from '@hapi/hapi';
import type { MetricsCapability } from '@mantle/extensions-sdk';
import type { Authenticate } from '../auth/accountability.js';
import { extractToken } from '../auth/token.js';

/**
 * A scraper presents one of METRICS_TOKENS as its bearer token: no user has it, so on `/metrics`
 * such a token passes as an anonymous caller, and the endpoint checks the token itself.
 */
export function allowMetricsTokens(authenticate: Authenticate, metrics: MetricsCapability): Authenticate {
	return (request: Request) => {
		if (request.path === '/metrics' && metrics.tokenAllowed(extractToken(request) ?? undefined)) {
			return { user: null, role: null, roles: [], policies: [], admin: false, app: false, ip: request.info.remoteAddress ?? null };
		}
		return authenticate(request);
	};
}

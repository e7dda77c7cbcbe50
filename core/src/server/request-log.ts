import type { Request, Server } from '@hapi/hapi';
import type { Logger } from 'pino';

/** Liveness probes arrive every few seconds from every load balancer: a line each would drown the log. */
const unloggedPaths = new Set(['/server/ping']);

/** The longest request URL a log line repeats. */
const maxLoggedUrl = 1000;

/** One query parameter: its separator, its name as sent and its value. */
const parameter = /([?&])([^=&]*)=([^&]*)/g;

/** Whether a parameter's name, as the query parser decodes it, is the token's: `access%5Ftoken` signs in too. */
function isTokenName(name: string): boolean {
	if (name === 'access_token') return true;
	if (!name.includes('%')) return false;
	try {
		return decodeURIComponent(name) === 'access_token';
	} catch {
		return false;
	}
}

/** Query-string tokens must not reach the logs either, however their name is spelt; a long URL is cut short. */
export function redactUrl(url: string): string {
	const query = url.indexOf('?');
	// Only a name spelt plainly or percent-encoded can be the token's: most URLs skip the walk.
	const suspect = query !== -1 && (url.includes('access_token=') || url.includes('%', query));
	const redacted = suspect
		? url.slice(0, query) +
			url.slice(query).replace(parameter, (whole, separator: string, name: string) => (isTokenName(name) ? `${separator}${name}=[redacted]` : whole))
		: url;
	return redacted.length > maxLoggedUrl ? `${redacted.slice(0, maxLoggedUrl)}…` : redacted;
}

/**
 * One line per answered request, written once the response is sent, when info is enabled. A
 * child logger per request (what hapi-pino makes) cost an object and its serialized bindings on
 * every request, logged or not; the request id is a field of the one line instead.
 */
export function logResponses(server: Server, logger: Logger): void {
	// LOG_LEVEL is read once at start: above info, no listener at all, so nothing runs per request.
	if (!logger.isLevelEnabled('info')) return;
	server.events.on('response', (request: Request) => {
		if (unloggedPaths.has(request.path)) return;
		const { info, raw } = request;
		logger.info(
			{
				requestId: info.id,
				req: { method: request.method.toUpperCase(), url: redactUrl(raw.req.url ?? request.path) },
				res: { statusCode: raw.res.headersSent ? raw.res.statusCode : null },
				responseTime: (info.completed || info.responded || Date.now()) - info.received,
			},
			'request completed',
		);
	});
}

import { pino, type DestinationStream, type Logger } from 'pino';
import { requestContext } from './request-context.js';

/** Paths whose values never reach a log line, whatever level or serializer logs them. */
export const redactedPaths = [
	'req.headers.authorization',
	'req.headers.cookie',
	'res.headers["set-cookie"]',
	'req.query.access_token',
	// Top level and one level down: extensions log their own data objects at the top level.
	...['password', 'token', 'secret', 'access_token', 'refresh_token'].flatMap((key) => [key, `*.${key}`]),
	'config.secret',
	'config.database.password',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
	return pino(
		{
			level,
			redact: { paths: redactedPaths, censor: '[redacted]' },
			// Lines written by code a request calls into (extensions, services) name that request too.
			mixin: () => {
				const current = requestContext.getStore();
				return current ? { requestId: current.requestId } : {};
			},
		},
		destination,
	);
}

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

/** The longest text one logged error carries in its message and in its stack. */
const maxErrorText = 1000;

function cut(text: string, max = maxErrorText): string {
	return text.length > max ? `${text.slice(0, max)}… (${text.length - max} more characters)` : text;
}

/**
 * Errors as a log line may show them: type, code, message and stack, each cut short, and nothing
 * else. Database drivers hang the statement and its values on their errors (`sql`, `parameters`,
 * `detail`) and knex prefixes the message with the statement, so none of those are copied; the
 * kernel's knex is set to put the statement with its `?` placeholders, never with values, in the
 * message (`compileSqlOnError: false`). A cause is followed a few levels, no further.
 */
export function serializeError(error: unknown, depth = 0): unknown {
	if (!(error instanceof Error)) return typeof error === 'string' ? cut(error) : error;
	const { code, errno, statusCode } = error as { code?: unknown; errno?: unknown; statusCode?: unknown };
	const frames = (error.stack ?? '')
		.split('\n')
		.filter((line) => line.trimStart().startsWith('at '))
		.slice(0, 15);
	return {
		type: error.name,
		message: cut(error.message),
		...(code !== undefined ? { code } : {}),
		...(errno !== undefined ? { errno } : {}),
		...(statusCode !== undefined ? { statusCode } : {}),
		stack: cut(frames.join('\n'), 2 * maxErrorText),
		...(error.cause !== undefined && depth < 3 ? { cause: serializeError(error.cause, depth + 1) } : {}),
	};
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
	return pino(
		{
			level,
			redact: { paths: redactedPaths, censor: '[redacted]' },
			serializers: { err: (error: unknown) => serializeError(error) },
			// Lines written by code a request calls into (extensions, services) name that request too.
			mixin: () => {
				const current = requestContext.getStore();
				return current ? { requestId: current.requestId } : {};
			},
		},
		destination,
	);
}

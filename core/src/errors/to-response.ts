import Boom from '@hapi/boom';
import { MantleError, createError, fromCodedError } from './mantle-error.js';
import type { ErrorCode } from './catalogue.js';

export interface ErrorBody {
	errors: Array<{ message: string; extensions: { code: ErrorCode } & Record<string, unknown> }>;
}

/** Hapi's own failures (routing, payload parsing, limits) mapped onto the catalogue by status. */
const boomStatusToCode: Record<number, ErrorCode> = {
	400: 'INVALID_PAYLOAD',
	401: 'INVALID_CREDENTIALS',
	403: 'FORBIDDEN',
	404: 'ROUTE_NOT_FOUND',
	405: 'METHOD_NOT_ALLOWED',
	413: 'CONTENT_TOO_LARGE',
	415: 'UNSUPPORTED_MEDIA_TYPE',
	416: 'RANGE_NOT_SATISFIABLE',
	422: 'UNPROCESSABLE_CONTENT',
	429: 'REQUESTS_EXCEEDED',
	503: 'SERVICE_UNAVAILABLE',
};

/**
 * Turns anything thrown while serving a request into a catalogue error. Unknown failures become
 * INTERNAL with the catalogue's generic message: their own text may hold SQL or paths.
 */
export function toMantleError(error: unknown): MantleError {
	const coded = fromCodedError(error);
	if (coded) return coded;
	if (Boom.isBoom(error)) {
		const status = error.output.statusCode;
		const code = boomStatusToCode[status];
		if (code === 'ROUTE_NOT_FOUND') return createError('routeUnknown');
		if (code) return new MantleError(code, status < 500 ? error.message : undefined);
	}
	return new MantleError('INTERNAL', undefined, {}, { cause: error });
}

export function toErrorBody(error: MantleError): ErrorBody {
	return { errors: [{ message: error.message, extensions: { ...error.extensions, code: error.code } }] };
}

import Subtext from '@hapi/subtext';
import type { Request } from '@hapi/hapi';

/**
 * Parses the body of an extension route. The dispatcher route leaves the body unread, so that
 * routes which stream (uploads) can take the raw request; ordinary routes get JSON, form or
 * text parsed here, bounded by MAX_PAYLOAD_SIZE. Parse failures surface as Boom 400 / 413 / 415,
 * which the error mapping turns into INVALID_PAYLOAD / CONTENT_TOO_LARGE / UNSUPPORTED_MEDIA_TYPE.
 */
export async function readBody(request: Request, maxBytes: number): Promise<unknown> {
	if (!hasBody(request)) return undefined;
	const raw = request.raw.req;
	const { payload } = await Subtext.parse(raw, null, {
		parse: true,
		output: 'data',
		maxBytes,
		multipart: false,
		allow: ['application/json', 'application/x-www-form-urlencoded', 'text/plain'],
		defaultContentType: 'application/json',
		// A `__proto__` key is refused (400) rather than silently dropped: the caller learns it was not read.
		protoAction: 'error',
	});
	return payload === null ? undefined : payload;
}

/** Whether the request says it carries a body: a length above zero, or chunks. Reads send neither. */
export function hasBody(request: Request): boolean {
	const { headers } = request.raw.req;
	const length = headers['content-length'];
	return headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

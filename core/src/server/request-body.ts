import Subtext from '@hapi/subtext';
import type { Request } from '@hapi/hapi';

/**
 * Parses the body of an extension route. The dispatcher route leaves the body unread, so that
 * routes which stream (uploads) can take the raw request; ordinary routes get JSON, form or
 * text parsed here, bounded by MAX_PAYLOAD_SIZE. Parse failures surface as Boom 400 / 413 / 415,
 * which the error mapping turns into INVALID_PAYLOAD / CONTENT_TOO_LARGE / UNSUPPORTED_MEDIA_TYPE.
 */
export async function readBody(request: Request, maxBytes: number): Promise<unknown> {
	const raw = request.raw.req;
	const length = raw.headers['content-length'];
	const chunked = raw.headers['transfer-encoding'] !== undefined;
	if (!chunked && (length === undefined || length === '0')) return undefined;
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

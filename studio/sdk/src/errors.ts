/**
 * The codes a Mantle server answers with (Directus's). Kept as a type only, so it costs no bytes;
 * `test/error-codes.test.ts` holds it equal to the host's list.
 */
export type ApiErrorCode =
	| 'FORBIDDEN'
	| 'INVALID_PAYLOAD'
	| 'INVALID_QUERY'
	| 'GRAPHQL_VALIDATION'
	| 'FAILED_VALIDATION'
	| 'INVALID_CREDENTIALS'
	| 'INVALID_TOKEN'
	| 'TOKEN_EXPIRED'
	| 'INVALID_OTP'
	| 'INVALID_IP'
	| 'USER_SUSPENDED'
	| 'INVALID_PROVIDER'
	| 'INVALID_PROVIDER_CONFIG'
	| 'ROUTE_NOT_FOUND'
	| 'METHOD_NOT_ALLOWED'
	| 'RECORD_NOT_UNIQUE'
	| 'CONTAINS_NULL_VALUES'
	| 'NOT_NULL_VIOLATION'
	| 'VALUE_TOO_LONG'
	| 'VALUE_OUT_OF_RANGE'
	| 'INVALID_FOREIGN_KEY'
	| 'ILLEGAL_ASSET_TRANSFORMATION'
	| 'LIMIT_EXCEEDED'
	| 'CONTENT_TOO_LARGE'
	| 'RANGE_NOT_SATISFIABLE'
	| 'UNSUPPORTED_MEDIA_TYPE'
	| 'UNPROCESSABLE_CONTENT'
	| 'REQUESTS_EXCEEDED'
	| 'SERVICE_UNAVAILABLE'
	| 'INTERNAL';

/** What the client itself reports: no answer, an abort, or an answer without a code. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'ABORTED' | 'UNKNOWN';

/** A code to compare against; any other string a newer or extended server sends is kept as is. */
export type ErrorCode = ApiErrorCode | ClientErrorCode | (string & {});

/** One error of an API answer, as the server sends it. */
export interface ApiErrorEntry {
	message: string;
	extensions?: { code?: ErrorCode; field?: string; [key: string]: unknown };
}

/**
 * What a failed request throws: the API's first error code, the HTTP status, the field it names
 * (validation errors), its message, and every error of the answer. `status` is 0 when no answer
 * came (network failure), and `code` is then `NETWORK_ERROR`, or `ABORTED` when the caller aborted.
 */
export class MantleError extends Error {
	// Declared, not defined: assigned once in the constructor, with no class-field helper in a bundle.
	declare readonly code: ErrorCode;
	declare readonly status: number;
	declare readonly field: string | undefined;
	declare readonly errors: ApiErrorEntry[];

	constructor(status: number, errors: ApiErrorEntry[], fallback = 'Request failed') {
		const first = errors[0];
		super(first?.message ?? fallback);
		this.name = 'MantleError';
		this.status = status;
		this.errors = errors;
		this.code = first?.extensions?.code ?? (status ? 'UNKNOWN' : 'NETWORK_ERROR');
		this.field = first?.extensions?.field;
	}
}

export const isMantleError = (value: unknown): value is MantleError => value instanceof MantleError;

/** Turns an answer's body (parsed JSON, or null) into the error it describes. */
export const errorFromBody = (status: number, body: unknown, statusText: string): MantleError => {
	const list = (body as { errors?: unknown } | null)?.errors;
	return new MantleError(status, Array.isArray(list) ? list : [], statusText || `Request failed with status ${status}`);
};

/** An error the client reports itself: status 0, no answer. */
export const clientError = (message: string, code: ClientErrorCode) => new MantleError(0, [{ message, extensions: { code } }]);

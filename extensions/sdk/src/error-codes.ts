/**
 * The codes a Mantle host answers with: the ones Directus 11 clients know. The host's catalogue
 * (core) gives each its HTTP status and message template and is checked against this list, so an
 * extension can only throw codes the host knows and the two lists cannot drift apart.
 */
export const errorCodes = [
	'FORBIDDEN',
	'INVALID_PAYLOAD',
	'INVALID_QUERY',
	'GRAPHQL_VALIDATION',
	'FAILED_VALIDATION',
	'INVALID_CREDENTIALS',
	'INVALID_TOKEN',
	'TOKEN_EXPIRED',
	'INVALID_OTP',
	'INVALID_IP',
	'USER_SUSPENDED',
	'INVALID_PROVIDER',
	'INVALID_PROVIDER_CONFIG',
	'ROUTE_NOT_FOUND',
	'METHOD_NOT_ALLOWED',
	'RECORD_NOT_UNIQUE',
	'CONTAINS_NULL_VALUES',
	'NOT_NULL_VIOLATION',
	'VALUE_TOO_LONG',
	'VALUE_OUT_OF_RANGE',
	'INVALID_FOREIGN_KEY',
	'ILLEGAL_ASSET_TRANSFORMATION',
	'LIMIT_EXCEEDED',
	'CONTENT_TOO_LARGE',
	'RANGE_NOT_SATISFIABLE',
	'UNSUPPORTED_MEDIA_TYPE',
	'UNPROCESSABLE_CONTENT',
	'REQUESTS_EXCEEDED',
	'SERVICE_UNAVAILABLE',
	'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export function isErrorCode(code: unknown): code is ErrorCode {
	return typeof code === 'string' && (errorCodes as readonly string[]).includes(code);
}

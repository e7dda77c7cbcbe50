/**
 * Every error Mantle can answer with, by code. The codes and statuses are the ones Directus 11
 * clients know, so that existing SDKs recognise them; nothing outside this table is ever sent.
 */
export const errorCatalogue = {
	FORBIDDEN: { status: 403, message: "You don't have permission to access this." },
	INVALID_PAYLOAD: { status: 400, message: 'Invalid payload.' },
	INVALID_QUERY: { status: 400, message: 'Invalid query.' },
	FAILED_VALIDATION: { status: 400, message: 'Validation failed.' },
	INVALID_CREDENTIALS: { status: 401, message: 'Invalid user credentials.' },
	INVALID_TOKEN: { status: 403, message: 'Invalid token.' },
	TOKEN_EXPIRED: { status: 401, message: 'Token expired.' },
	INVALID_OTP: { status: 401, message: 'Invalid user OTP.' },
	INVALID_IP: { status: 401, message: 'IP address not allowed.' },
	USER_SUSPENDED: { status: 401, message: 'User suspended.' },
	INVALID_PROVIDER: { status: 403, message: 'Invalid provider.' },
	INVALID_PROVIDER_CONFIG: { status: 503, message: 'Invalid config for provider.' },
	ROUTE_NOT_FOUND: { status: 404, message: 'Route not found.' },
	METHOD_NOT_ALLOWED: { status: 405, message: 'Method not allowed.' },
	RECORD_NOT_UNIQUE: { status: 400, message: 'Value has to be unique.' },
	CONTAINS_NULL_VALUES: { status: 400, message: 'Field contains null values.' },
	NOT_NULL_VIOLATION: { status: 400, message: "Value can't be null." },
	VALUE_TOO_LONG: { status: 400, message: 'Value is too long.' },
	VALUE_OUT_OF_RANGE: { status: 400, message: 'Numeric value is out of range.' },
	INVALID_FOREIGN_KEY: { status: 400, message: 'Invalid foreign key.' },
	ILLEGAL_ASSET_TRANSFORMATION: { status: 400, message: 'Illegal asset transformation.' },
	LIMIT_EXCEEDED: { status: 400, message: 'Limit exceeded.' },
	CONTENT_TOO_LARGE: { status: 413, message: 'Uploaded content is too large.' },
	RANGE_NOT_SATISFIABLE: { status: 416, message: 'Requested range is not satisfiable.' },
	UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Unsupported media type.' },
	UNPROCESSABLE_CONTENT: { status: 422, message: 'Unprocessable content.' },
	REQUESTS_EXCEEDED: { status: 429, message: 'Too many requests, retry later.' },
	SERVICE_UNAVAILABLE: { status: 503, message: 'Service is unavailable.' },
	INTERNAL: { status: 500, message: 'An unexpected error occurred.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

export function isErrorCode(code: unknown): code is ErrorCode {
	return typeof code === 'string' && Object.hasOwn(errorCatalogue, code);
}

import type { ErrorCode } from '@mantle/extensions-sdk';

export { errorMessages, isErrorCode, type ErrorCode, type ErrorMessageId } from '@mantle/extensions-sdk';

/**
 * One code's answer: its HTTP status, its message when there is nothing to add, and, where the
 * code takes detail, the template call sites fill (`{name}` marks a value).
 */
interface ErrorDefinition {
	status: number;
	message: string;
	template?: string;
}

/**
 * Every error Mantle can answer with, by code. The codes and statuses are the ones Directus 11
 * clients know, so that existing SDKs recognise them; nothing outside this table is ever sent.
 * The codes themselves come from the extension SDK, so an extension can only throw codes listed
 * here, and a code missing on either side fails the typecheck.
 */
export const errorCatalogue = {
	FORBIDDEN: { status: 403, message: "You don't have permission to access this." },
	INVALID_PAYLOAD: { status: 400, message: 'Invalid payload.', template: 'Invalid payload. {reason}' },
	INVALID_QUERY: { status: 400, message: 'Invalid query.', template: 'Invalid query. {reason}' },
	GRAPHQL_VALIDATION: { status: 400, message: 'GraphQL validation error.', template: 'GraphQL validation error. {reason}' },
	FAILED_VALIDATION: { status: 400, message: 'Validation failed.', template: 'Validation failed for field "{field}" in collection "{collection}": {reason}.' },
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
	CONTAINS_NULL_VALUES: { status: 400, message: 'Field contains null values.', template: 'Field "{field}" contains null values.' },
	NOT_NULL_VIOLATION: { status: 400, message: "Value can't be null." },
	VALUE_TOO_LONG: { status: 400, message: 'Value is too long.' },
	VALUE_OUT_OF_RANGE: { status: 400, message: 'Numeric value is out of range.' },
	INVALID_FOREIGN_KEY: { status: 400, message: 'Invalid foreign key.' },
	ILLEGAL_ASSET_TRANSFORMATION: { status: 400, message: 'Illegal asset transformation.', template: 'Illegal asset transformation. {reason}' },
	LIMIT_EXCEEDED: { status: 400, message: 'Limit exceeded.', template: 'Limit exceeded. {reason}' },
	CONTENT_TOO_LARGE: { status: 413, message: 'Uploaded content is too large.', template: 'The {part} is larger than the {limit} bytes allowed ({variable}).' },
	RANGE_NOT_SATISFIABLE: { status: 416, message: 'Requested range is not satisfiable.' },
	UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Unsupported media type.', template: 'Unsupported media type. {reason}' },
	UNPROCESSABLE_CONTENT: { status: 422, message: 'Unprocessable content.' },
	REQUESTS_EXCEEDED: { status: 429, message: 'Too many requests, retry later.' },
	SERVICE_UNAVAILABLE: { status: 503, message: 'Service is unavailable.', template: 'Service is unavailable. {reason}' },
	INTERNAL: { status: 500, message: 'An unexpected error occurred.' },
} as const satisfies Record<ErrorCode, ErrorDefinition>;

type Placeholders<T extends string> = T extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** The values a code's template names, e.g. `{ field: string; max: number | string }`. */
export type ErrorValues<C extends ErrorCode> = (typeof errorCatalogue)[C] extends { template: infer T extends string }
	? Record<Placeholders<T>, string | number>
	: Record<string, never>;

/** Fills a code's template; a code without one answers its fixed message. */
export function errorMessage<C extends ErrorCode>(code: C, values?: ErrorValues<C>): string {
	const definition: ErrorDefinition = errorCatalogue[code];
	if (!values || !definition.template) return definition.message;
	return definition.template.replace(/\{(\w+)\}/g, (_, name: string) => String((values as Record<string, unknown>)[name] ?? ''));
}

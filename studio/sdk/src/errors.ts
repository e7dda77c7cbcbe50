/** One error of an API answer, as the server sends it. */
export interface ApiErrorEntry {
	message: string;
	extensions?: { code?: string; field?: string; [key: string]: unknown };
}

/**
 * What a failed request throws: the API's first error code, the HTTP status, the field it names
 * (validation errors), its message, and every error of the answer. `status` is 0 when no answer
 * came (network failure), and `code` is then `NETWORK_ERROR`, or `ABORTED` when the caller aborted.
 */
export class MantleError extends Error {
	readonly code: string;
	readonly status: number;
	readonly field: string | undefined;
	readonly errors: ApiErrorEntry[];

	constructor(status: number, errors: ApiErrorEntry[], fallback = 'Request failed') {
		const first = errors[0];
		super(first?.message ?? fallback);
		this.name = 'MantleError';
		this.status = status;
		this.errors = errors;
		this.code = first?.extensions?.code ?? (status === 0 ? 'NETWORK_ERROR' : 'UNKNOWN');
		this.field = typeof first?.extensions?.field === 'string' ? first.extensions.field : undefined;
	}
}

export function isMantleError(value: unknown): value is MantleError {
	return value instanceof MantleError;
}

/** Turns an answer's body (parsed JSON or text) into the error it describes. */
export function errorFromBody(status: number, body: unknown, statusText = ''): MantleError {
	const list = (body as { errors?: unknown } | null)?.errors;
	if (Array.isArray(list) && list.length > 0) return new MantleError(status, list as ApiErrorEntry[]);
	return new MantleError(status, [], statusText || `Request failed with status ${status}`);
}

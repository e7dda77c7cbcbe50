import { errorCatalogue, errorMessage, isErrorCode, type ErrorCode, type ErrorValues } from './catalogue.js';

/** Extra detail a client may read, e.g. `{ field: 'title' }`; never a stack or a secret. */
export type ErrorExtensions = Record<string, unknown>;

/** The one error type Mantle throws on purpose. Its code decides the HTTP status. */
export class MantleError extends Error {
	readonly code: ErrorCode;
	readonly status: number;
	readonly extensions: ErrorExtensions;

	constructor(code: ErrorCode, message?: string, extensions: ErrorExtensions = {}, options?: ErrorOptions) {
		super(message ?? errorCatalogue[code].message, options);
		this.name = 'MantleError';
		this.code = code;
		this.status = errorCatalogue[code].status;
		this.extensions = extensions;
	}
}

/**
 * An error from the catalogue: `createError('VALUE_TOO_LONG', { field, max })` fills the code's
 * template. The form with a message of its own (`createError(code, 'text')`) is kept while call
 * sites move to templates; new code passes values.
 */
export function createError<C extends ErrorCode>(code: C, values?: ErrorValues<C>, extensions?: ErrorExtensions): MantleError;
export function createError(code: ErrorCode, message?: string, extensions?: ErrorExtensions): MantleError;
export function createError(code: ErrorCode, detail?: string | Record<string, string | number>, extensions?: ErrorExtensions): MantleError {
	const message = typeof detail === 'object' ? errorMessage(code, detail as never) : detail;
	return new MantleError(code, message, extensions);
}

/**
 * Errors thrown by extensions carry a `code` but not our class (they are built against the SDK,
 * or cross the sandbox boundary as plain data). Known codes keep their meaning; anything else is
 * an internal error whose message must not reach the client.
 */
export function fromCodedError(error: unknown): MantleError | undefined {
	if (error instanceof MantleError) return error;
	if (typeof error !== 'object' || error === null) return undefined;
	const { code, message, extensions } = error as { code?: unknown; message?: unknown; extensions?: unknown };
	if (!isErrorCode(code) || code === 'INTERNAL') return undefined;
	return new MantleError(
		code,
		typeof message === 'string' && message !== '' ? message : undefined,
		typeof extensions === 'object' && extensions !== null ? (extensions as ErrorExtensions) : {},
	);
}

import Boom from '@hapi/boom';
import { fillErrorMessage, isErrorMessageId, type ErrorMessageId, type ErrorMessageValues } from '@mantle/extensions-sdk';
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

type MessageArguments<M extends ErrorMessageId> = [keyof ErrorMessageValues<M>] extends [never]
	? [values?: Record<string, never>, extensions?: ErrorExtensions]
	: [values: ErrorMessageValues<M>, extensions?: ErrorExtensions];

/**
 * An error from the catalogue: `createError('FORBIDDEN')` answers the code's message,
 * `createError('VALUE_TOO_LONG', { field, max })` fills the code's template, and
 * `createError('noFieldAccess', { field, collection })` answers a named message of the catalogue
 * with its own code. There is no form taking a text: a call site names a message and passes its
 * values, so a string where the values go fails the typecheck. A text Mantle did not write (the
 * sandbox's, a flow operation's, a field's `validation_message`) goes through the catalogue entry
 * named for where it comes from, whose template is `{text}`.
 */
export function createError<M extends ErrorMessageId>(id: M, ...rest: MessageArguments<M>): MantleError;
export function createError<C extends ErrorCode>(code: C, values?: ErrorValues<C>, extensions?: ErrorExtensions): MantleError;
export function createError(id: ErrorCode | ErrorMessageId, values?: Record<string, string | number>, extensions?: ErrorExtensions): MantleError {
	if (isErrorMessageId(id)) {
		const { code, message } = fillErrorMessage(id, values);
		return new MantleError(code, message, extensions);
	}
	return new MantleError(id, errorMessage(id, values as never), extensions);
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
	// Hapi wraps what a handler throws in Boom, which gives an error without a message its own
	// "Internal Server Error": that text is not the extension's, so the code's message answers.
	const filledByBoom = Boom.isBoom(error) && message === error.output.payload.error;
	return new MantleError(
		code,
		typeof message === 'string' && message !== '' && !filledByBoom ? message : undefined,
		typeof extensions === 'object' && extensions !== null ? (extensions as ErrorExtensions) : {},
	);
}

import type { ErrorCode } from './error-codes.js';
import { fillErrorMessage, isErrorMessageId, type ErrorMessageId, type ErrorMessageValues } from './error-messages.js';

/**
 * An error an extension throws on purpose. The host answers with the status its catalogue gives
 * the code (e.g. `FORBIDDEN` → 403, `INVALID_PAYLOAD` → 400) and, without a message, the
 * catalogue's message for it.
 */
export class ExtensionError extends Error {
	readonly code: ErrorCode;
	readonly extensions: Record<string, unknown>;

	constructor(code: ErrorCode, message?: string, extensions: Record<string, unknown> = {}) {
		// Without a message of its own, the host answers with its catalogue's message for the code.
		super(message ?? '');
		this.name = 'ExtensionError';
		this.code = code;
		this.extensions = extensions;
	}
}

type Extensions = Record<string, unknown>;
/** A message without placeholders takes no values; one with them takes exactly those. */
type MessageArguments<M extends ErrorMessageId> = [keyof ErrorMessageValues<M>] extends [never]
	? [values?: Record<string, never>, extensions?: Extensions]
	: [values: ErrorMessageValues<M>, extensions?: Extensions];

/**
 * `createError('FORBIDDEN')` answers the code's own message; `createError('fieldRequired', { field })`
 * answers a named message of the catalogue (`errorMessages`) with its values. The form with a text
 * of its own (`createError(code, 'text')`) is for messages an extension author writes; Mantle's own
 * code names a catalogue message instead, which the linter checks.
 */
export function createError<M extends ErrorMessageId>(id: M, ...rest: MessageArguments<M>): ExtensionError;
export function createError(code: ErrorCode, message?: string, extensions?: Extensions): ExtensionError;
export function createError(id: ErrorCode | ErrorMessageId, detail?: string | Record<string, string | number>, extensions?: Extensions): ExtensionError {
	if (isErrorMessageId(id)) {
		const { code, message } = fillErrorMessage(id, typeof detail === 'object' ? detail : {});
		return new ExtensionError(code, message, extensions);
	}
	return new ExtensionError(id, typeof detail === 'string' ? detail : undefined, extensions);
}

import type { ErrorCode } from './error-codes.js';

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

export function createError(code: ErrorCode, message?: string, extensions?: Record<string, unknown>): ExtensionError {
	return new ExtensionError(code, message, extensions);
}

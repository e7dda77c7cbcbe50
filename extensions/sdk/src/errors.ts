/**
 * An error an extension throws on purpose. The host answers with the status its catalogue gives
 * the code (e.g. `FORBIDDEN` → 403, `INVALID_PAYLOAD` → 400); an unknown code is an internal
 * error whose message is not shown to the client.
 */
export class ExtensionError extends Error {
	readonly code: string;
	readonly extensions: Record<string, unknown>;

	constructor(code: string, message?: string, extensions: Record<string, unknown> = {}) {
		super(message ?? code);
		this.name = 'ExtensionError';
		this.code = code;
		this.extensions = extensions;
	}
}

export function createError(code: string, message?: string, extensions?: Record<string, unknown>): ExtensionError {
	return new ExtensionError(code, message, extensions);
}

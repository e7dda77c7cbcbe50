import type { ErrorCode } from '@mantle/extensions-sdk';

/**
 * The codes the sandbox itself raises, each with the catalogue code a host answers with (and so
 * its status): the one table both sides read. Codes an extension throws
 * (`createError('FORBIDDEN')`) pass through unchanged.
 */
export const sandboxErrorCodes = {
	/** A capability was used outside its granted scope, or is not granted. */
	FORBIDDEN: 'FORBIDDEN',
	/** An extension passed a capability arguments it cannot take. */
	INVALID_PAYLOAD: 'INVALID_PAYLOAD',
	/** The extension's code or definition cannot be loaded. */
	INVALID_EXTENSION: 'INTERNAL',
	/** The extension threw something without a code. */
	INTERNAL: 'INTERNAL',
	/** A request the extension made failed on the network: the extension could not answer. */
	REQUEST_FAILED: 'SERVICE_UNAVAILABLE',
	/** A call ran past `timeoutMs` (a loop, or a promise that never settles). */
	EXTENSION_TIMEOUT: 'SERVICE_UNAVAILABLE',
	/** The extension's isolate ran out of memory. */
	EXTENSION_OUT_OF_MEMORY: 'SERVICE_UNAVAILABLE',
	/** The sandbox process stopped during the call. */
	SANDBOX_CRASHED: 'SERVICE_UNAVAILABLE',
	/** The extension crashed the sandbox process too often and is no longer run. */
	EXTENSION_FAILED: 'SERVICE_UNAVAILABLE',
	/** The supervisor was stopped, or the extension is not loaded. */
	SANDBOX_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
} as const satisfies Record<string, ErrorCode>;

export type SandboxErrorCode = keyof typeof sandboxErrorCodes;

/** The only shape an error has on its way across a boundary: no stack, no prototype, no host objects. */
export interface WireError {
	message: string;
	code: string;
	name?: string;
	extensions?: Record<string, unknown>;
}

export class SandboxError extends Error {
	readonly code: string;
	readonly extensions: Record<string, unknown>;

	constructor(code: string, message: string, extensions: Record<string, unknown> = {}) {
		super(message);
		this.name = 'SandboxError';
		this.code = code;
		this.extensions = extensions;
	}

	/** The catalogue code a host answers with for the sandbox's own codes; `undefined` for codes the extension chose. */
	get hostCode(): ErrorCode | undefined {
		return Object.hasOwn(sandboxErrorCodes, this.code) ? sandboxErrorCodes[this.code as SandboxErrorCode] : undefined;
	}

	static fromWire(wire: WireError): SandboxError {
		const error = new SandboxError(wire.code, wire.message, wire.extensions ?? {});
		if (wire.name) error.name = wire.name;
		// Whatever process built the error, its frames mean nothing to the caller and may reveal the host.
		error.stack = `${error.name}: ${error.message}`;
		return error;
	}
}

export function toWire(error: unknown): WireError {
	if (error instanceof SandboxError) {
		return { message: error.message, code: error.code, name: error.name, extensions: plainExtensions(error.extensions) };
	}
	if (error && typeof error === 'object') {
		const { message, code, extensions } = error as { message?: unknown; code?: unknown; extensions?: unknown };
		return {
			message: typeof message === 'string' ? message : 'The extension failed.',
			code: typeof code === 'string' && /^[A-Z][A-Z0-9_]*$/.test(code) ? code : 'INTERNAL',
			extensions: plainExtensions(extensions),
		};
	}
	return { message: String(error), code: 'INTERNAL' };
}

function plainExtensions(value: unknown): Record<string, unknown> {
	if (!value || typeof value !== 'object') return {};
	try {
		return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
	} catch {
		return {};
	}
}

import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { ExtensionLogger } from '@mantle/extensions-sdk';

/** Apollo's codes for a document that can't run as sent; Directus clients know them all as one. */
const invalidDocument = new Set([
	'GRAPHQL_PARSE_FAILED',
	'GRAPHQL_VALIDATION_FAILED',
	'GRAPHQL_VALIDATION',
	'BAD_USER_INPUT',
	'OPERATION_RESOLUTION_FAILURE',
	'PERSISTED_QUERY_NOT_SUPPORTED',
	'PERSISTED_QUERY_NOT_FOUND',
]);

/** Errors thrown on purpose carry a catalogue code; anything else may hold SQL or paths and is never shown. */
function isCoded(error: unknown): error is { code: string; message: string; extensions?: Record<string, unknown> } {
	if (typeof error !== 'object' || error === null) return false;
	const { name, code } = error as { name?: unknown; code?: unknown };
	return (name === 'MantleError' || name === 'ExtensionError') && typeof code === 'string' && code !== 'INTERNAL';
}

/**
 * Every error in the shape REST answers with, `extensions.code` from the catalogue: invalid
 * documents are `GRAPHQL_VALIDATION`, engine errors keep their code (`FORBIDDEN`,
 * `RECORD_NOT_UNIQUE` ...), and anything unexpected is `INTERNAL` with the generic message.
 */
export function formatError(log: ExtensionLogger) {
	return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
		const where = { ...(formatted.locations ? { locations: formatted.locations } : {}), ...(formatted.path ? { path: formatted.path } : {}) };
		const code = formatted.extensions?.code;
		if (typeof code === 'string' && invalidDocument.has(code)) return { message: formatted.message, ...where, extensions: { code: 'GRAPHQL_VALIDATION' } };
		if (code === 'BAD_REQUEST') return { message: formatted.message, extensions: { code: 'INVALID_PAYLOAD' } };
		const original = unwrapResolverError(error);
		if (isCoded(original)) return { message: original.message, ...where, extensions: { ...(original.extensions ?? {}), code: original.code } };
		log.error('graphql request failed', { error: original instanceof Error ? original.message : String(original), graphql: original instanceof GraphQLError });
		return { message: 'An unexpected error occurred.', ...where, extensions: { code: 'INTERNAL' } };
	};
}

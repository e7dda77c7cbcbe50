import { createError, toMantleError } from '../errors/index.js';

/** A message from a client: a JSON object with a `type`, and an optional `uid` echoed in the answers. */
export interface ClientMessage extends Record<string, unknown> {
	type: string;
	uid?: string | number;
}

/** Close codes the server uses, each with a reason text the client can show. */
export const closeCodes = {
	/** The server is stopping or the client stopped answering pings. */
	goingAway: 1001,
	/** A token that expired, or a client that does not read its messages. */
	policy: 1008,
	/** Too many sockets from one address. */
	tryAgainLater: 1013,
} as const;

export function parseClientMessage(raw: string): ClientMessage {
	let parsed: unknown;
	try {
		parsed = JSON.parse(raw);
	} catch {
		throw createError('realtimeMessageNotObject');
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw createError('realtimeMessageNotObject');
	const message = parsed as Record<string, unknown>;
	if (typeof message.type !== 'string') throw createError('realtimeTypeMissing');
	if (message.uid !== undefined && typeof message.uid !== 'string' && typeof message.uid !== 'number') throw createError('realtimeUidInvalid');
	return { ...message, type: message.type.toLowerCase() } as ClientMessage;
}

/**
 * The protocol's error message, `{ type, status: 'error', error: { code, message }, uid }`, with
 * the catalogue's code and message; an unexpected failure is INTERNAL, its own text kept back.
 */
export function errorReply(type: string, error: unknown, uid?: string | number) {
	const known = toMantleError(error);
	return { type, status: 'error', error: { code: known.code, message: known.message }, ...(uid === undefined ? {} : { uid }) };
}

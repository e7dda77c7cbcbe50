import Joi from 'joi';

/** `/websocket` and GraphQL subscriptions: whether they run, how often they ping, what one client may hold. */
export interface RealtimeConfig {
	enabled: boolean;
	/** Interval between the server's `ping` messages; a client silent for a whole period is closed. 0 turns the heartbeat off. */
	heartbeatMs: number;
	/** Sockets one address may hold open at once; 0 means no limit. */
	maxConnectionsPerIp: number;
	/** Largest message a client may send, in bytes: a larger one closes its socket (1009). */
	maxMessageBytes: number;
}

const flag = Joi.boolean().truthy('1', 'yes', 'on').falsy('0', 'no', 'off', '');
const count = Joi.number().integer().min(0).messages({ 'number.base': '{{#label}} must be a whole number' });
const duration = Joi.string()
	.pattern(/^\d+(\.\d+)?\s*(ms|s|m|h)?$/i)
	.messages({ 'string.pattern.base': '{{#label}} must be a duration such as 30000, 30s or 1m' });
const byteSize = Joi.string()
	.pattern(/^\d+(\.\d+)?\s*(b|kb|mb)?$/i)
	.messages({ 'string.pattern.base': '{{#label}} must be a size such as 65536, 64kb or 1mb' });

/** The WEBSOCKETS_* variables, merged into the environment schema. */
export const realtimeVariables = {
	WEBSOCKETS_ENABLED: flag.default(true),
	WEBSOCKETS_HEARTBEAT_PERIOD: duration.default('30s'),
	WEBSOCKETS_MAX_CONNECTIONS_PER_IP: count.default(100),
	WEBSOCKETS_MAX_MESSAGE_BYTES: byteSize.default('1mb'),
};

export function realtimeConfig(
	v: Record<string, unknown>,
	parse: { duration: (text: string) => number; byteSize: (text: string) => number },
	fail: (variable: string, message: string) => never,
): RealtimeConfig {
	const heartbeatMs = parse.duration(String(v.WEBSOCKETS_HEARTBEAT_PERIOD));
	// A period shorter than a round trip on a busy machine would close healthy clients.
	if (heartbeatMs !== 0 && heartbeatMs < 1000)
		fail('WEBSOCKETS_HEARTBEAT_PERIOD', 'Invalid configuration: WEBSOCKETS_HEARTBEAT_PERIOD must be 0 (off) or at least 1s.');
	const maxMessageBytes = parse.byteSize(String(v.WEBSOCKETS_MAX_MESSAGE_BYTES));
	if (maxMessageBytes < 1024) fail('WEBSOCKETS_MAX_MESSAGE_BYTES', 'Invalid configuration: WEBSOCKETS_MAX_MESSAGE_BYTES must be at least 1kb.');
	return {
		enabled: Boolean(v.WEBSOCKETS_ENABLED),
		heartbeatMs,
		maxConnectionsPerIp: Number(v.WEBSOCKETS_MAX_CONNECTIONS_PER_IP),
		maxMessageBytes,
	};
}

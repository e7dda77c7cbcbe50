import type { GrantedScopes, LogLevel } from '../types.js';
import { parseJson } from './envelope.js';

const levels = new Set<string>(['debug', 'info', 'warn', 'error']);
// A log line is for people: an extension must not fill the kernel's logs with megabytes at once.
const maxMessageLength = 8192;
const maxDataLength = 65536;

export type LogSink = (level: LogLevel, message: string, data: Record<string, unknown> | undefined) => void;

/** `ctx.log.<level>(message, data)`: fire and forget, so a log call never waits on the kernel. */
export function createLog(scopes: GrantedScopes, sink: LogSink): ((level: unknown, message: unknown, dataJson: unknown) => void) | undefined {
	if (!scopes.log) return undefined;
	return (level, message, dataJson) => {
		if (!scopes.log || typeof level !== 'string' || !levels.has(level)) return;
		let data: Record<string, unknown> | undefined;
		try {
			const parsed = typeof dataJson === 'string' && dataJson.length <= maxDataLength ? parseJson(dataJson, 'Log data') : undefined;
			data = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
		} catch {
			data = undefined;
		}
		sink(level as LogLevel, String(message).slice(0, maxMessageLength), data);
	};
}

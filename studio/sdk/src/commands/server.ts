import { command } from '../command.js';

/** A document whose shape differs by the caller's rights and the server's version, read as sent. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- callers read the parts they know; the rest passes through
type ServerDocument = Record<string, any>;

export const serverPing = () => command<string>({ method: 'GET', path: '/server/ping' });
export const serverInfo = () => command<ServerDocument>({ method: 'GET', path: '/server/info' });
/** The health report (`{ status: 'ok' | 'warn' | 'error', checks }`), answered with or without `data`. */
export const serverHealth = () => command<ServerDocument>({ method: 'GET', path: '/server/health', envelope: true });
export const serverSpecsOpenApi = () => command<ServerDocument>({ method: 'GET', path: '/server/specs/oas' });
export const serverSpecsGraphql = (scope: 'item' | 'system' = 'item') =>
	command<Response>({ method: 'GET', path: `/server/specs/graphql/${scope}`, raw: true });

import { command } from '../command.js';

export const serverPing = () => command<string>({ method: 'GET', path: '/server/ping' });
export const serverInfo = () => command<Record<string, any>>({ method: 'GET', path: '/server/info' });
/** The health report (`{ status: 'ok' | 'warn' | 'error', checks }`), answered with or without `data`. */
export const serverHealth = () => command<Record<string, any>>({ method: 'GET', path: '/server/health', envelope: true });
export const serverSpecsOpenApi = () => command<Record<string, any>>({ method: 'GET', path: '/server/specs/oas' });
export const serverSpecsGraphql = (scope: 'item' | 'system' = 'item') =>
	command<Response>({ method: 'GET', path: `/server/specs/graphql/${scope}`, raw: true });

import type { ExtensionInfo } from '@mantle/extensions-sdk';
import type { ExtensionRecord } from './host.js';

/** An extension as `/extensions` reports it. */
export function info(record: ExtensionRecord): ExtensionInfo {
	const { name, version, type, origin, status, enabled, trusted, sandboxed, error, requestedScopes, grantedScopes } = record;
	return {
		name,
		version,
		type,
		origin,
		status,
		enabled,
		trusted,
		sandboxed,
		...(error ? { error } : {}),
		...(requestedScopes ? { requestedScopes, grantedScopes } : {}),
	};
}

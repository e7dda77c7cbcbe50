import { SandboxError } from '../errors.js';
import type { ItemsRequest } from '../protocol.js';
import type { GrantedScopes, ItemsAction, ItemsMethod } from '../types.js';
import { envelope, parseJson } from './envelope.js';

const actionOf: Record<ItemsMethod, ItemsAction> = {
	readByQuery: 'read',
	readOne: 'read',
	createOne: 'create',
	updateOne: 'update',
	deleteOne: 'delete',
};

/**
 * Refuses a call outside the granted collections and actions. Exported because the supervisor checks
 * again before the kernel sees the call: a compromised sandbox process must not widen its scope.
 */
export function checkItemsCall(scopes: GrantedScopes, collection: unknown, method: unknown): { collection: string; method: ItemsMethod; action: ItemsAction } {
	const scope = scopes.items;
	if (!scope) throw new SandboxError('FORBIDDEN', 'The items capability is not granted.');
	if (typeof method !== 'string' || !Object.hasOwn(actionOf, method))
		throw new SandboxError('INVALID_PAYLOAD', `Unknown items method ${JSON.stringify(method)}.`);
	const action = actionOf[method as ItemsMethod];
	if (typeof collection !== 'string' || !scope.collections.includes(collection)) {
		throw new SandboxError('FORBIDDEN', `The collection ${JSON.stringify(collection)} is outside this extension's items scope.`);
	}
	if (!scope.actions.includes(action))
		throw new SandboxError('FORBIDDEN', `The action "${action}" on "${collection}" is outside this extension's items scope.`);
	return { collection, method: method as ItemsMethod, action };
}

/**
 * `ctx.items(collection).<method>(...)`. `token` names the call whose caller acts; the supervisor
 * maps it to that caller, and an unknown or missing token acts as the public role.
 */
export function createItems(
	scopes: GrantedScopes,
	forward: (call: ItemsRequest) => Promise<unknown>,
): ((collection: unknown, method: unknown, argsJson: unknown, token: unknown) => Promise<string>) | undefined {
	if (!scopes.items) return undefined;
	return envelope(async (collection: unknown, method: unknown, argsJson: unknown, token: unknown) => {
		const checked = checkItemsCall(scopes, collection, method);
		const args = parseJson(argsJson, 'Items arguments');
		if (!Array.isArray(args)) throw new SandboxError('INVALID_PAYLOAD', 'Items arguments must be a list.');
		return forward({ ...checked, args, token: typeof token === 'string' ? token : undefined });
	});
}

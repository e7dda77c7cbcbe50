import type { Accountability, ItemsCapability } from '@mantle/extensions-sdk';
import { createError } from '../errors/index.js';

type Action = 'read' | 'create' | 'update' | 'delete';

const actionOf: Record<string, Action> = {
	info: 'read',
	readByQuery: 'read',
	readOne: 'read',
	readMany: 'read',
	readSingleton: 'read',
	meta: 'read',
	export: 'read',
	createOne: 'create',
	createMany: 'create',
	import: 'create',
	updateOne: 'update',
	updateMany: 'update',
	updateBatch: 'update',
	updateByQuery: 'update',
	upsertSingleton: 'update',
	deleteOne: 'delete',
	deleteMany: 'delete',
	deleteByQuery: 'delete',
};

/** The least-privileged caller: what a call runs as when the extension names none. */
const nobody: Accountability = Object.freeze({ user: null, role: null, roles: [], policies: [], admin: false, app: false, ip: null });

/**
 * The `items` capability of an installed extension running in-process (an admin marked it
 * trusted): the same scope as in the sandbox — listed collections and actions only — and the
 * permissions of the caller it names, or of nobody.
 */
export function scopedItems(items: ItemsCapability, scope: { collections: string[]; actions: Action[] }): ItemsCapability {
	return ((collection: string, options?: { accountability?: Accountability | null }) => {
		if (!scope.collections.includes(collection)) throw createError('outsideItemsScope', { collection });
		const service = items(collection, { accountability: options?.accountability ?? nobody }) as unknown as Record<string, (...args: unknown[]) => unknown>;
		return new Proxy(service, {
			get(target, method: string) {
				const action = actionOf[method];
				if (!action) return undefined;
				return (...args: unknown[]) => {
					if (!scope.actions.includes(action)) throw createError('outsideActionScope', { action, collection });
					return target[method]!(...args);
				};
			},
		});
	}) as unknown as ItemsCapability;
}

import type { Accountability, ItemsCapability, ItemsService as SdkItemsService } from '@mantle/extensions-sdk';
import type { DataEngine } from './engine.js';
import type { ItemsService } from './service.js';

type Method = Exclude<keyof SdkItemsService, 'collection'>;

const methods: Method[] = [
	'info',
	'readByQuery',
	'readOne',
	'readMany',
	'readSingleton',
	'meta',
	'export',
	'createOne',
	'createMany',
	'updateOne',
	'updateMany',
	'updateBatch',
	'updateByQuery',
	'upsertSingleton',
	'deleteOne',
	'deleteMany',
	'deleteByQuery',
	'import',
];

/**
 * The SDK's `items` capability over the engine. Extensions name the caller whose permissions
 * apply (`{ accountability: req.accountability }`); without one, the call runs as `fallback`:
 * the system for trusted first-party code, the extension's own scope for sandboxed code.
 */
export function createItemsCapability(engine: DataEngine, fallback: Accountability | null = null): ItemsCapability {
	return ((collection: string, options?: { accountability?: Accountability | null; plainWrites?: boolean }) => {
		const accountability = options && 'accountability' in options ? (options.accountability ?? null) : fallback;
		const plainWrites = options?.plainWrites === true;
		const service = {} as Record<Method, (...args: unknown[]) => Promise<unknown>>;
		for (const method of methods) {
			service[method] = async (...args: unknown[]) => {
				const target = await engine.service(collection, accountability, { plainWrites });
				return (target[method as keyof ItemsService] as (...a: unknown[]) => Promise<unknown>).apply(target, args);
			};
		}
		return service;
	}) as ItemsCapability;
}

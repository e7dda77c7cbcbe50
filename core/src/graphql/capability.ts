import type { Accountability, CallerModel, GraphqlCapability, GraphqlScope } from '@mantle/extensions-sdk';
import { createError } from '../errors/index.js';
import type { InvalidationBus } from '../cache/invalidation-bus.js';
import type { GraphqlConfig } from '../config/graphql.js';
import type { PermissionProvider } from '../permissions/types.js';
import type { SchemaStore } from '../schema/schema-store.js';
import { buildCallerModel } from './caller-model.js';

interface Options {
	schema: SchemaStore;
	permissions: PermissionProvider;
	invalidations?: InvalidationBus;
	config: GraphqlConfig;
	defaultLimit: number;
}

/** Callers' models kept at once: a model is small, but a crowd of policy sets must not grow memory. */
const modelCapacity = 1000;

/**
 * The `graphql` capability. Models are kept per policy set until the data model or permissions
 * change; `changed()` is the kernel's news of a local permission change, while schema changes and
 * other instances' news arrive through the schema store and the invalidation bus.
 */
export function createGraphqlCapability(options: Options): GraphqlCapability & { changed(): void } {
	const models = new Map<string, Promise<CallerModel>>();
	const listeners = new Set<() => void>();
	let generation = 0;
	let sdlProvider: ((accountability: Accountability, scope: GraphqlScope) => Promise<string>) | undefined;
	const changed = () => {
		generation++;
		models.clear();
		for (const listener of listeners) listener();
	};
	options.schema.onInvalidate(changed);
	options.invalidations?.on('schema', changed);
	options.invalidations?.on('access', changed);

	return {
		settings: { ...options.config, defaultLimit: options.defaultLimit },
		changed,
		provideSdl(provider) {
			sdlProvider = provider;
		},
		async sdl(accountability, scope) {
			if (!sdlProvider) throw createError('noGraphql');
			return sdlProvider(accountability, scope);
		},
		onChange(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		model(accountability: Accountability) {
			const key = `${accountability.admin ? 'admin' : accountability.user ? 'user' : 'public'}:${[...accountability.policies].sort().join(',')}`;
			const cached = models.get(key);
			if (cached) {
				models.delete(key);
				models.set(key, cached);
				return cached;
			}
			const started = generation;
			const built = options.schema.get().then((schema) => buildCallerModel(schema, options.permissions, accountability));
			// A model built across a change may be stale: it serves this call but is not kept.
			const forget = () => {
				if (models.get(key) === built) models.delete(key);
			};
			built.then(() => generation !== started && forget(), forget);
			models.set(key, built);
			if (models.size > modelCapacity) models.delete(models.keys().next().value!);
			return built;
		},
	};
}

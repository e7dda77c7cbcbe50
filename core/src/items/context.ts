import type { Knex } from 'knex';
import type { Accountability } from '@mantle/extensions-sdk';
import type { Dialect, DirectReader } from '../database/dialects/types.js';
import type { EventBus } from '../events/bus.js';
import type { SchemaOverview } from '../schema/types.js';
import type { PermissionProvider } from '../permissions/types.js';
import type { PlanCache } from './plan/cache.js';

export interface QueryLimits {
	/** Rows a list answers with when the query names no limit. */
	defaultLimit: number;
	/** The most rows one query may ask for; `-1` means no cap. */
	maxLimit: number;
	/** The most conditions and operators one filter may hold (QUERY_FILTER_MAX_NODES). */
	filterMaxNodes?: number;
	/** The most relations one query may go through (QUERY_MAX_DEPTH); 8 when not set. */
	maxDepth?: number;
}

/**
 * Everything one call into the data engine works with. Built per call from the kernel's shared
 * parts and the caller's accountability; `knex` is a transaction while a write is in progress,
 * so nested services join it.
 */
export interface EngineContext {
	knex: Knex;
	dialect: Dialect;
	schema: SchemaOverview;
	/** `null` is the system itself: no permission applies. */
	accountability: Accountability | null;
	permissions: PermissionProvider;
	bus: EventBus;
	limits: QueryLimits;
	/** Events are not emitted (imports of system data, reverts replaying a state). */
	emitEvents?: boolean;
	/** Writes may not carry nested related items (see the SDK's `ItemsOptions.plainWrites`). */
	plainWrites?: boolean;
	/** Read plans of the schema overview in use; reads plan every time without one. */
	plans?: PlanCache;
	/** Runs planned reads straight on the driver when `knex` is not a transaction (see `read/run.ts`). */
	reader?: DirectReader;
}

export function isUnrestricted(context: EngineContext): boolean {
	return context.accountability === null || context.accountability.admin;
}

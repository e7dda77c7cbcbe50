import type { Knex } from 'knex';
import type { Accountability } from '@mantle/extensions-sdk';
import type { Dialect } from '../database/dialects/types.js';
import type { EventBus } from '../events/bus.js';
import type { SchemaStore } from '../schema/schema-store.js';
import type { PermissionProvider } from '../permissions/types.js';
import type { QueryLimits } from './context.js';
import { ItemsService } from './service.js';
import { currentKnex } from './transaction-context.js';

export interface DataEngineOptions {
	knex: Knex;
	dialect: Dialect;
	schema: SchemaStore;
	bus: EventBus;
	permissions: PermissionProvider;
	limits: QueryLimits;
	/** Told after a write commits, so caches of system data (permissions, schema) can be dropped. */
	onChange?: (collection: string) => void | Promise<void>;
}

/** The kernel's data engine: hands out an items service per collection and caller. */
export class DataEngine {
	constructor(private readonly options: DataEngineOptions) {}

	/** `accountability: null` is the system itself, bound by no permission. */
	async service(collection: string, accountability: Accountability | null, options: { plainWrites?: boolean } = {}): Promise<ItemsService> {
		const { knex, dialect, bus, permissions, limits, onChange } = this.options;
		const schema = await this.options.schema.get();
		return new ItemsService(
			{ knex: currentKnex(knex), dialect, schema, accountability, permissions, bus, limits, ...(options.plainWrites ? { plainWrites: true } : {}) },
			collection,
			onChange,
		);
	}
}

import type { Knex } from 'knex';
import type { Accountability } from '@mantle/extensions-sdk';
import type { Dialect, DirectReader } from '../database/dialects/types.js';
import type { EventBus } from '../events/bus.js';
import type { SchemaStore } from '../schema/schema-store.js';
import type { SchemaOverview } from '../schema/types.js';
import type { PermissionProvider } from '../permissions/types.js';
import type { QueryLimits } from './context.js';
import { PlanCache } from './plan/cache.js';
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
	/** Read plans kept per schema overview (default 500). */
	planCacheSize?: number;
	/** Where planned reads outside a transaction run straight on the driver (see `Database.reader`). */
	reader?: DirectReader;
}

/** The kernel's data engine: hands out an items service per collection and caller. */
export class DataEngine {
	/** Plans belong to the overview they were made from: a rebuilt overview starts with none. */
	private readonly plans = new WeakMap<SchemaOverview, PlanCache>();

	constructor(private readonly options: DataEngineOptions) {}

	/** The read plans of the current schema overview (their counters show whether reads reuse them). */
	async planCache(): Promise<PlanCache> {
		return this.plansOf(await this.options.schema.get());
	}

	/** `accountability: null` is the system itself, bound by no permission. */
	async service(collection: string, accountability: Accountability | null, options: { plainWrites?: boolean } = {}): Promise<ItemsService> {
		const { knex, dialect, bus, permissions, limits, onChange, reader } = this.options;
		const schema = await this.options.schema.get();
		return new ItemsService(
			{
				knex: currentKnex(knex),
				dialect,
				schema,
				accountability,
				permissions,
				bus,
				limits,
				plans: this.plansOf(schema),
				...(reader ? { reader } : {}),
				...(options.plainWrites ? { plainWrites: true } : {}),
			},
			collection,
			onChange,
		);
	}

	private plansOf(schema: SchemaOverview): PlanCache {
		let plans = this.plans.get(schema);
		if (!plans) this.plans.set(schema, (plans = new PlanCache(this.options.planCacheSize)));
		return plans;
	}
}

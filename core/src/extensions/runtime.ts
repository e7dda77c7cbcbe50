import { Cron } from 'croner';
import type { Logger } from 'pino';
import type { Accountability, OptionField } from '@mantle/extensions-sdk';
import type { BusAction, BusFilter, EventBus } from '../events/bus.js';
import { EndpointRouteTable } from './endpoint-routes.js';

export type OperationRun = (options: Record<string, unknown>, context: { data: unknown; accountability: Accountability | null }) => Promise<unknown>;

/** An operation type as the flows designer describes it: its name and options schema, when it declares them. */
export interface OperationMeta {
	name?: string;
	options?: OptionField[];
}

interface Staged {
	filters: Array<{ event: string; handler: BusFilter }>;
	actions: Array<{ event: string; handler: BusAction }>;
	inits: Array<{ event: string; handler: (meta: Record<string, unknown>) => unknown }>;
	schedules: Array<{ cron: string; handler: () => unknown }>;
	operations: Array<{ id: string; run: OperationRun; meta?: OperationMeta }>;
}

/** What one extension registers while it loads; nothing counts until `commit()`. */
export type Registrar = Omit<Staged, never> & { commit(): void };

/**
 * One generation of loaded extensions: their routes, hooks, schedules and operations. A reload
 * builds a new runtime beside the running one and swaps it in whole.
 */
export class ExtensionRuntime {
	readonly routes = new EndpointRouteTable();
	readonly operations = new Map<string, { extension: string; run: OperationRun; meta?: OperationMeta }>();
	private readonly owned = new Map<string, Staged>();
	private jobs: Cron[] = [];

	/** Staging for one extension: a failure halfway through its setup leaves nothing registered. */
	stage(owner: string): Registrar {
		const staged: Staged = { filters: [], actions: [], inits: [], schedules: [], operations: [] };
		return {
			...staged,
			commit: () => {
				for (const { id } of staged.operations) {
					const existing = this.operations.get(id);
					if (existing) throw new Error(`The operation id "${id}" is already taken by ${existing.extension}.`);
				}
				for (const { id, run, meta } of staged.operations) this.operations.set(id, { extension: owner, run, meta });
				this.owned.set(owner, staged);
			},
		};
	}

	/** Subscribes the hooks to the bus and starts the schedules. */
	activate(bus: EventBus, logger: Logger): void {
		for (const [owner, staged] of this.owned) {
			for (const { event, handler } of staged.filters) bus.onFilter(event, owner, handler);
			for (const { event, handler } of staged.actions) bus.onAction(event, owner, handler);
			for (const { cron, handler } of staged.schedules) {
				// protect: a run still going when the next is due is skipped, not doubled.
				this.jobs.push(
					new Cron(cron, { protect: true }, async () => {
						try {
							await handler();
						} catch (error) {
							logger.warn({ err: error, extension: owner, cron }, 'scheduled hook failed');
						}
					}),
				);
			}
		}
	}

	deactivate(bus: EventBus): void {
		bus.removeOwners(new Set(this.owned.keys()));
		for (const job of this.jobs) job.stop();
		this.jobs = [];
	}

	/** Runs the `init` hooks of one start-up point (`app.before`, `app.after`, ...). */
	async init(event: string, logger: Logger): Promise<void> {
		for (const [owner, staged] of this.owned) {
			for (const init of staged.inits.filter((candidate) => candidate.event === event)) {
				try {
					await init.handler({ event });
				} catch (error) {
					logger.warn({ err: error, extension: owner, event }, 'init hook failed');
				}
			}
		}
	}
}

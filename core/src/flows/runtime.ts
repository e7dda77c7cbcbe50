import { ScopedStorage } from '../scoped-storage.js';
import { Cron } from 'croner';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { Accountability, HookMeta, OptionField } from '@mantle/extensions-sdk';
import type { Dialect } from '../database/dialects/types.js';
import type { EventBus } from '../events/bus.js';
import type { OperationMeta } from '../extensions/runtime.js';
import type { FlowsConfig } from '../config/flows.js';
import { createError } from '../errors/index.js';
import { currentKnex } from '../items/transaction-context.js';
import { logRun } from './run-log.js';
import { runChain, type OperationInvoker } from './runner.js';
import type { FlowQueue } from './queue.js';
import { loadFlows } from './store.js';
import type { FlowJob, LoadedFlow, RunOutcome } from './types.js';
import { runFailure } from './outcome.js';

/** The bus owner of every flow's event subscriptions, dropped together on reload. */
const busOwner = 'mantle:flows';

/** An operation type as `/flows/operation-types` lists it. */
export interface OperationTypeInfo {
	id: string;
	name: string;
	extension: string;
	options: OptionField[] | null;
}

export interface FlowsRuntimeOptions {
	knex: Knex;
	dialect: Dialect;
	bus: EventBus;
	logger: Logger;
	config: FlowsConfig;
	/** The whole environment; only FLOWS_ENV_ALLOW_LIST's keys reach a run. */
	env: Readonly<Record<string, string>>;
	queue: FlowQueue;
	/** The operation types the loaded extensions offer (they change when extensions reload). */
	operations: () => ReadonlyMap<
		string,
		{
			extension: string;
			run: (options: Record<string, unknown>, context: { data: unknown; accountability: Accountability | null }) => Promise<unknown>;
			meta?: OperationMeta;
		}
	>;
}

/**
 * Flows as the kernel runs them: loaded from the database, their event triggers subscribed to
 * the bus, their schedules handed to the queue. `reload()` after any change to a flow or an
 * operation (every instance hears of it through the invalidation bus).
 */
export class FlowsRuntime {
	private flows = new Map<string, LoadedFlow>();
	private readonly depth = new ScopedStorage<number>();
	private readonly env: Record<string, string>;

	constructor(private readonly options: FlowsRuntimeOptions) {
		const allowed = new Set(options.config.envAllowList);
		this.env = Object.fromEntries(Object.entries(options.env).filter(([key]) => allowed.has(key)));
	}

	async start(): Promise<void> {
		await this.options.queue.start((job) => this.runJob(job));
		await this.reload();
	}

	async stop(): Promise<void> {
		this.options.bus.removeOwners(new Set([busOwner]));
		await this.options.queue.stop();
	}

	/** Loads the flows and subscribes their events; schedules go to the queue without holding this up. */
	async reload(): Promise<void> {
		const flows = await loadFlows(this.options.knex);
		this.flows = flows;
		const { bus } = this.options;
		bus.removeOwners(new Set([busOwner]));
		const schedules: Array<{ flowId: string; cron: string }> = [];
		for (const flow of flows.values()) {
			if (flow.status !== 'active') continue;
			if (flow.trigger === 'event') this.subscribe(flow);
			if (flow.trigger === 'schedule') {
				const cron = typeof flow.options.cron === 'string' ? flow.options.cron.trim() : '';
				if (validCron(cron)) schedules.push({ flowId: flow.id, cron });
				else this.options.logger.warn({ flow: flow.id, cron }, 'flow has no valid cron schedule; it will not run');
			}
		}
		// A Redis that is away must not hold up the start or a reload; the next reload sets them again.
		this.options.queue.setSchedules(schedules).catch((error: unknown) => this.options.logger.warn({ err: error }, "could not set the flows' schedules"));
	}

	get(flowId: string): LoadedFlow | undefined {
		return this.flows.get(flowId);
	}

	/** How deep the current code runs inside flows triggering flows (0 outside any run). */
	currentDepth(): number {
		return this.depth.getStore() ?? 0;
	}

	/** Runs a flow now, in this async context, and logs it. */
	async execute(flow: LoadedFlow, trigger: unknown, accountability: Accountability | null, depth: number): Promise<RunOutcome> {
		if (depth > this.options.config.maxDepth) {
			throw createError('flowTooDeep', { max: this.options.config.maxDepth, flow: flow.name });
		}
		const outcome = await this.depth.run(depth, () => runChain(flow, { trigger, accountability, env: this.env }, this.invoke, this.options.config.maxSteps));
		// A filter flow runs inside the change's transaction (on SQLite the only connection): its log joins it.
		await logRun(currentKnex(this.options.knex), this.options.dialect, flow, outcome, accountability).catch((error: unknown) => {
			this.options.logger.warn({ err: error, flow: flow.id }, 'could not log a flow run');
		});
		return outcome;
	}

	/** The installed operation types, for the flows designer. */
	operationTypes(): OperationTypeInfo[] {
		return [...this.options.operations()].map(([id, { extension, meta }]) => ({ id, name: meta?.name ?? id, extension, options: meta?.options ?? null }));
	}

	enqueue(job: FlowJob): Promise<void> {
		return this.options.queue.add(job);
	}

	private readonly invoke: OperationInvoker = async (type, options, context) => {
		const operation = this.options.operations().get(type);
		if (!operation) throw createError('operationTypeMissing', { type });
		return operation.run(options, context);
	};

	private async runJob(job: FlowJob): Promise<void> {
		const flow = this.flows.get(job.flowId);
		if (!flow || flow.status !== 'active') return;
		if (job.depth > this.options.config.maxDepth) {
			this.options.logger.warn({ flow: flow.id }, 'flow not run: flows triggered one another too deep (FLOWS_MAX_DEPTH)');
			return;
		}
		await this.execute(flow, job.trigger, job.accountability, job.depth);
	}

	/**
	 * Event flows: `filter` runs inside the change's transaction, may replace the payload with
	 * its `$last` and cancels the change by rejecting; `action` runs after the commit, queued.
	 */
	private subscribe(flow: LoadedFlow): void {
		const { bus } = this.options;
		const scopes = stringList(flow.options.scope);
		const collections = stringList(flow.options.collections);
		const events = scopes.flatMap((scope) =>
			scope.startsWith('items.') && collections.length > 0 ? collections.map((collection) => `${collection}.${scope}`) : [scope],
		);
		const blocking = flow.options.type === 'filter';
		for (const event of events) {
			if (blocking) {
				bus.onFilter(event, busOwner, async (payload, meta: HookMeta, accountability) => {
					const outcome = await this.execute(flow, { ...meta, event, payload }, accountability, this.currentDepth() + 1);
					if (outcome.status === 'reject') throw runFailure(flow, outcome);
					const last = outcome.data.$last;
					return last !== null && typeof last === 'object' && !Array.isArray(last) ? last : undefined;
				});
			} else {
				bus.onAction(event, busOwner, (meta: HookMeta, accountability) =>
					this.enqueue({ flowId: flow.id, trigger: { ...meta, event }, accountability, depth: this.currentDepth() + 1 }),
				);
			}
		}
	}
}

function stringList(value: unknown): string[] {
	if (typeof value === 'string')
		return value
			.split(',')
			.map((entry) => entry.trim())
			.filter(Boolean);
	return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string' && entry.length > 0) : [];
}

function validCron(pattern: string): boolean {
	if (!pattern) return false;
	try {
		new Cron(pattern, { paused: true }).stop();
		return true;
	} catch {
		return false;
	}
}

import type { Accountability, FlowRunStep } from '@mantle/extensions-sdk';

export type FlowTrigger = 'event' | 'webhook' | 'schedule' | 'manual' | 'operation';

/** A row of `directus_flows`, as the runtime uses it. */
export interface FlowRecord {
	id: string;
	name: string;
	status: 'active' | 'inactive';
	trigger: FlowTrigger | null;
	/** `all`: activity and a revision with every step; `activity`: activity only; null: nothing. */
	accountability: 'all' | 'activity' | null;
	options: Record<string, unknown>;
	/** The first operation. */
	operation: string | null;
}

/** A row of `directus_operations`: one step, with the step to take when it resolves and when it rejects. */
export interface OperationRecord {
	id: string;
	key: string;
	type: string;
	options: Record<string, unknown>;
	resolve: string | null;
	reject: string | null;
	flow: string;
}

export interface LoadedFlow extends FlowRecord {
	operations: Map<string, OperationRecord>;
}

/** One step of a run as it is logged (the shape the Studio reads back); a step the runner logs has always settled. */
export type RunStep = FlowRunStep & { status: 'resolve' | 'reject' };

export interface RunOutcome {
	status: 'resolve' | 'reject';
	/** The data chain at the end: `$trigger`, `$accountability`, `$env`, `$last` and each step's result by key. */
	data: Record<string, unknown>;
	steps: RunStep[];
	/** What the last rejecting step threw, when the run ended on a rejection. */
	error?: unknown;
}

/** A run waiting in the queue: plain JSON, so it can cross to another instance through Redis. */
export interface FlowJob {
	flowId: string;
	trigger: unknown;
	accountability: Accountability | null;
	/** How deep in a chain of flows triggering flows this run is. */
	depth: number;
}

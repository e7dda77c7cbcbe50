import type { Accountability } from './accountability.js';
import type { OptionField } from './app.js';

/** Whose permissions a flow's item operations use: the public, the trigger's caller, the system, or a role by id. */
export type FlowPermissions = '$public' | '$trigger' | '$full' | (string & {});

/** How a trigger-flow operation runs the other flow over a list payload. */
export type FlowIteration = 'serial' | 'batch' | 'parallel';

export interface FlowRunOptions {
	/** Who started the run; `null` is the system. */
	accountability: Accountability | null;
	/** With a list payload: one run per entry, in this manner (`batch` runs `batchSize` at a time). */
	iteration?: FlowIteration;
	batchSize?: number;
}

/**
 * Flows as the first-party flow operations and the `/flows` endpoint see them: start a flow,
 * resolve a flow's permission setting to an accountability, read a flow's logged runs.
 */
export interface FlowsCapability {
	/** Runs a flow whose trigger is `operation` (another flow) and answers its `$last`. */
	run(flowId: string, payload: unknown, options: FlowRunOptions): Promise<unknown>;
	/** A `webhook` or `manual` flow started over HTTP: answers what the flow is configured to return. */
	trigger(flowId: string, request: FlowTriggerRequest): Promise<FlowTriggerResult>;
	accountabilityFor(permissions: FlowPermissions | undefined, trigger: Accountability | null): Promise<Accountability | null>;
	/** A flow's logged runs, newest first, each with its steps (admins only, enforced by the caller's permissions on activity). */
	runs(flowId: string, accountability: Accountability | null, limit?: number): Promise<FlowRunRecord[]>;
	/** The operation types the loaded extensions offer, with their options schemas, for the flows designer (Studio users only). */
	operationTypes(accountability: Accountability): Promise<OperationTypeInfo[]>;
}

export interface OperationTypeInfo {
	id: string;
	name: string;
	/** The package that offers it. */
	extension: string;
	/** Null when the operation declares no options schema (the designer offers a JSON editor). */
	options: OptionField[] | null;
}

export interface FlowTriggerRequest {
	method: string;
	path: string;
	query: Record<string, unknown>;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
	accountability: Accountability;
}

export interface FlowTriggerResult {
	/** `undefined` when the flow runs in the background (asynchronous webhook). */
	body?: unknown;
}

export interface FlowRunStep {
	operation: string;
	key: string;
	status: 'resolve' | 'reject' | 'unknown';
	options: unknown;
	data: unknown;
}

export interface FlowRunRecord {
	id: number;
	timestamp: string;
	status: 'resolve' | 'reject';
	trigger: unknown;
	steps: FlowRunStep[];
}

/** Outgoing mail through the kernel's configured transport. */
export interface MailCapability {
	send(message: { to: string | string[]; subject: string; text?: string; html?: string }): Promise<void>;
}

/**
 * Code written by users (a flow's run-script operation), run in an isolate of the sandbox with
 * its time and memory limits; it sees only the data it is given and returns JSON data.
 */
export interface ScriptsCapability {
	run(code: string, data: unknown): Promise<unknown>;
}

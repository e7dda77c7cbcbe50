import type { Accountability } from './accountability.js';
import type { OptionField } from './app.js';
import type { CapabilityName, ContextWith } from './context.js';

/** The operation's capabilities (`C`: those its manifest declares), plus the run's data chain and who started the run. */
export type OperationContext<C extends CapabilityName = never> = ContextWith<C> & {
	/** `$trigger`, `$accountability`, `$env`, `$last` and each earlier operation's result under its key. */
	data: Record<string, unknown>;
	accountability: Accountability | null;
};

export interface OperationDefinition<Options = Record<string, unknown>, Result = unknown, C extends CapabilityName = never> {
	/** The operation type flows refer to, e.g. `notify`. */
	id: string;
	/** What the flows designer shows; defaults to the id. */
	name?: string;
	/** The options form the flows designer draws for this operation; without it, a JSON editor. */
	options?: OptionField[];
	/**
	 * Receives the options the flow configured (with `{{ $last.x }}` placeholders already
	 * resolved). Its result is stored under the operation's key; a rejection takes the
	 * flow's reject path.
	 */
	handler(options: Options, context: OperationContext<C>): Result | Promise<Result>;
}

/** Returns its argument: the same definition runs trusted in-process or in a sandbox. */
export function defineOperation<Options = Record<string, unknown>, Result = unknown, C extends CapabilityName = never>(
	definition: OperationDefinition<Options, Result, C>,
): OperationDefinition<Options, Result, C> {
	return definition;
}

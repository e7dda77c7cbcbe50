import type { Accountability } from './accountability.js';
import type { ExtensionContext } from './context.js';

/** The operation's capabilities, plus the run's data chain and who started the run. */
export interface OperationContext extends ExtensionContext {
	/** `$trigger`, `$accountability`, `$env`, `$last` and each earlier operation's result under its key. */
	data: Record<string, unknown>;
	accountability: Accountability | null;
}

export interface OperationDefinition<Options = Record<string, unknown>, Result = unknown> {
	/** The operation type flows refer to, e.g. `notify`. */
	id: string;
	/** What the flows designer shows; defaults to the id. */
	name?: string;
	/**
	 * Receives the options the flow configured (with `{{ $last.x }}` placeholders already
	 * resolved). Its result is stored under the operation's key; a rejection takes the
	 * flow's reject path.
	 */
	handler(options: Options, context: OperationContext): Result | Promise<Result>;
}

/** Returns its argument: the same definition runs trusted in-process or in a sandbox. */
export function defineOperation<Options = Record<string, unknown>, Result = unknown>(
	definition: OperationDefinition<Options, Result>,
): OperationDefinition<Options, Result> {
	return definition;
}

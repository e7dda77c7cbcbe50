import { MantleError, createError, fromCodedError } from '../errors/index.js';
import type { FlowRecord, RunOutcome } from './types.js';

/** The error a rejected run answers with: the rejecting operation's own when it is one of ours. */
export function runFailure(flow: FlowRecord, outcome: RunOutcome): MantleError {
	const error = outcome.error;
	if (error instanceof MantleError) return error;
	const coded = fromCodedError(error);
	if (coded) return coded;
	const text = error instanceof Error ? error.message : typeof error === 'string' ? error : undefined;
	return text === undefined ? createError('flowRejected', { flow: flow.name }) : createError('flowOperationFailed', { text });
}

/** What a synchronous trigger answers with, as its `return` option says: `$last` (default), `$all`, or one key. */
export function runResult(outcome: RunOutcome, choice: unknown): unknown {
	const { $env: _env, ...chain } = outcome.data;
	if (choice === '$all') return chain;
	if (typeof choice === 'string' && choice !== '$last' && choice.length > 0) return chain[choice] ?? null;
	return outcome.data.$last ?? null;
}

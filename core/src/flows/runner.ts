import type { Accountability } from '@mantle/extensions-sdk';
import { createError } from '../errors/index.js';
import { renderOptions } from './template.js';
import type { LoadedFlow, RunOutcome, RunStep } from './types.js';

export type OperationInvoker = (
	type: string,
	options: Record<string, unknown>,
	context: { data: Record<string, unknown>; accountability: Accountability | null },
) => Promise<unknown>;

export interface RunInput {
	trigger: unknown;
	accountability: Accountability | null;
	env: Record<string, string>;
}

/** What a rejected step leaves in the data chain: the error's code and message, or the data it was thrown with. */
export function rejectionData(error: unknown): unknown {
	if (error instanceof Error) {
		const { code, extensions } = error as Error & { code?: unknown; extensions?: Record<string, unknown> };
		// What the operation attached (a failed request's response, a condition's failures) stays reachable.
		return { ...(extensions ?? {}), name: error.name, message: error.message, code: extensions?.code ?? code ?? null };
	}
	return error ?? null;
}

/**
 * Walks a flow from its first operation: each step's options are rendered from the data chain,
 * its result stored under its key and as `$last`, and the next step is its resolve or reject
 * link. A run ends where a link is empty, or after `maxSteps` (links may form a loop).
 */
export async function runChain(flow: LoadedFlow, input: RunInput, invoke: OperationInvoker, maxSteps: number): Promise<RunOutcome> {
	const data: Record<string, unknown> = {
		$trigger: input.trigger ?? null,
		$accountability: input.accountability,
		$env: input.env,
		$last: input.trigger ?? null,
	};
	const steps: RunStep[] = [];
	let status: RunOutcome['status'] = 'resolve';
	let error: unknown;
	let next = flow.operation ? flow.operations.get(flow.operation) : undefined;
	while (next) {
		if (steps.length >= maxSteps) {
			status = 'reject';
			error = createError('flowTooLong', { flow: flow.name, max: maxSteps });
			break;
		}
		const operation = next;
		let options: Record<string, unknown> = {};
		try {
			options = renderOptions(operation.options, data) as Record<string, unknown>;
			const result = await invoke(operation.type, options, { data, accountability: input.accountability });
			data[operation.key] = result ?? null;
			data.$last = result ?? null;
			status = 'resolve';
			error = undefined;
			steps.push({ operation: operation.id, key: operation.key, status, options, data: result ?? null });
			next = operation.resolve ? flow.operations.get(operation.resolve) : undefined;
		} catch (thrown) {
			const rejected = rejectionData(thrown);
			data[operation.key] = rejected;
			data.$last = rejected;
			status = 'reject';
			error = thrown;
			steps.push({ operation: operation.id, key: operation.key, status, options, data: rejected });
			next = operation.reject ? flow.operations.get(operation.reject) : undefined;
		}
	}
	return { status, data, steps, ...(status === 'reject' ? { error } : {}) };
}

import { createError, defineOperation, type FlowIteration } from '@mantle/extensions-sdk';

const modes = new Set<FlowIteration>(['serial', 'batch', 'parallel']);

/**
 * Runs another flow (one whose trigger is "another flow") and answers what it returns. Given a
 * list, it runs the flow once per entry: one after another, in batches, or all at once.
 */
export default defineOperation<{ flow?: unknown; payload?: unknown; iterationMode?: unknown; batchSize?: unknown }, unknown, 'flows'>({
	id: 'trigger',
	name: 'Trigger Flow',
	options: [
		{ field: 'flow', name: 'Flow id', type: 'string', meta: { interface: 'input' } },
		{ field: 'payload', name: 'Payload', type: 'json', meta: { interface: 'input-code' } },
		{
			field: 'iterationMode',
			name: 'Iteration',
			type: 'string',
			meta: {
				interface: 'select-dropdown',
				options: {
					choices: [
						{ text: 'serial', value: 'serial' },
						{ text: 'batch', value: 'batch' },
						{ text: 'parallel', value: 'parallel' },
					],
				},
			},
			schema: { default_value: 'serial' },
		},
		{ field: 'batchSize', name: 'Batch size', type: 'integer', meta: { interface: 'numeric' } },
	],
	async handler({ flow, payload, iterationMode, batchSize }, { flows, accountability }) {
		if (typeof flow !== 'string' || flow === '') throw createError('operationNeedsOption', { operation: 'trigger-flow', option: 'flow' });
		const given = typeof payload === 'string' ? parseMaybe(payload) : payload;
		const mode = modes.has(iterationMode as FlowIteration) ? (iterationMode as FlowIteration) : undefined;
		return flows.run(flow, given ?? null, {
			accountability,
			...(Array.isArray(given) ? { iteration: mode ?? 'serial' } : {}),
			batchSize: Number(batchSize ?? 10),
		});
	},
});

function parseMaybe(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

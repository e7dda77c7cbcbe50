import { createError, defineOperation } from '@mantle/extensions-sdk';

/** Puts the given JSON (rendered from the data chain) into the chain as this operation's result. */
export default defineOperation<{ json?: unknown }>({
	id: 'transform',
	name: 'Transform Payload',
	options: [{ field: 'json', name: 'JSON', type: 'json', meta: { interface: 'input-code' } }],
	handler({ json }) {
		if (typeof json !== 'string') return json ?? null;
		try {
			return JSON.parse(json);
		} catch {
			throw createError('operationPayloadNotJson', { operation: 'transform', option: 'json' });
		}
	},
});

import { createError, defineOperation, flowItems, flowOptionFields, type FlowItemOptions, type Item } from '@mantle/extensions-sdk';

/** Creates one item or a list of them with the permissions the flow chose; answers their keys. */
export default defineOperation<FlowItemOptions, unknown, 'items' | 'flows'>({
	id: 'item-create',
	name: 'Create Data',
	options: [flowOptionFields.collection, flowOptionFields.permissions, flowOptionFields.payload],
	async handler(options, context) {
		const service = await flowItems('create-data', options, context);
		const given = typeof options.payload === 'string' ? parse(options.payload) : options.payload;
		if (Array.isArray(given)) return service.createMany(given as Item[]);
		if (given === null || typeof given !== 'object') throw createError('operationNeedsPayloadObjectOrList', { operation: 'create-data' });
		return [await service.createOne(given as Item)];
	},
});

function parse(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		throw createError('operationPayloadNotJson', { operation: 'create-data', option: 'payload' });
	}
}

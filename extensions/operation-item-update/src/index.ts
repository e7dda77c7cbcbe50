import { createError, defineOperation, flowItems, flowKeys, flowOptionFields, type FlowItemOptions, type Item, type QueryInput } from '@mantle/extensions-sdk';

/** Updates items by key, or those a query finds, with the permissions the flow chose; answers their keys. */
export default defineOperation<FlowItemOptions, unknown, 'items' | 'flows'>({
	id: 'item-update',
	name: 'Update Data',
	options: [flowOptionFields.collection, flowOptionFields.permissions, flowOptionFields.keys, flowOptionFields.payload, flowOptionFields.query],
	async handler(options, context) {
		const service = await flowItems('update-data', options, context);
		const changes = typeof options.payload === 'string' ? JSON.parse(options.payload) : options.payload;
		if (changes === null || typeof changes !== 'object' || Array.isArray(changes))
			throw createError('operationNeedsPayloadObject', { operation: 'update-data' });
		const keys = flowKeys(options.key);
		if (keys.length > 0) return service.updateMany(keys, changes as Item);
		if (options.query && typeof options.query === 'object') return service.updateByQuery(options.query as QueryInput, changes as Item);
		throw createError('operationNeedsTarget', { operation: 'update-data' });
	},
});

import { createError, defineOperation, flowItems, flowKeys, flowOptionFields, type FlowItemOptions, type QueryInput } from '@mantle/extensions-sdk';

/** Deletes items by key, or those a query finds, with the permissions the flow chose; answers their keys. */
export default defineOperation<FlowItemOptions, unknown, 'items' | 'flows'>({
	id: 'item-delete',
	name: 'Delete Data',
	options: [flowOptionFields.collection, flowOptionFields.permissions, flowOptionFields.keys, flowOptionFields.query],
	async handler(options, context) {
		const service = await flowItems('delete-data', options, context);
		const keys = flowKeys(options.key);
		if (keys.length > 0) return service.deleteMany(keys);
		// A query with no filter would delete everything: the designer must say so with a filter.
		const query = options.query as QueryInput | undefined;
		if (query && typeof query === 'object' && query.filter) return service.deleteByQuery(query);
		throw createError('operationNeedsFilteredTarget', { operation: 'delete-data' });
	},
});

import { defineOperation, flowItems, flowKeys, flowOptionFields, type FlowItemOptions, type QueryInput } from '@mantle/extensions-sdk';

/** Reads items by key, or by query, with the permissions the flow chose. */
export default defineOperation<FlowItemOptions, unknown, 'items' | 'flows'>({
	id: 'item-read',
	name: 'Read Data',
	options: [flowOptionFields.collection, flowOptionFields.permissions, flowOptionFields.keys, flowOptionFields.query],
	async handler(options, context) {
		const service = await flowItems('read-data', options, context);
		const keys = flowKeys(options.key);
		const query = (options.query && typeof options.query === 'object' ? options.query : {}) as QueryInput;
		if (keys.length === 1 && !Array.isArray(options.key)) return service.readOne(keys[0]!, query);
		if (keys.length > 0) return service.readMany(keys, query);
		return service.readByQuery(query);
	},
});

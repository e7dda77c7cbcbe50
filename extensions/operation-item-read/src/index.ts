import { defineOperation, flowCollection, flowKeys, flowOptionFields, type FlowPermissions, type QueryInput } from '@mantle/extensions-sdk';

/** Reads items by key, or by query, with the permissions the flow chose. */
export default defineOperation<{ collection?: unknown; permissions?: FlowPermissions; key?: unknown; query?: unknown }, unknown, 'items' | 'flows'>({
	id: 'item-read',
	name: 'Read Data',
	options: [flowOptionFields.collection, flowOptionFields.permissions, flowOptionFields.keys, flowOptionFields.query],
	async handler({ collection, permissions, key, query }, { items, flows, accountability }) {
		const service = items(flowCollection('read-data', collection), { accountability: await flows.accountabilityFor(permissions, accountability) });
		const keys = flowKeys(key);
		const parsed = (query && typeof query === 'object' ? query : {}) as QueryInput;
		if (keys.length === 1 && !Array.isArray(key)) return service.readOne(keys[0]!, parsed);
		if (keys.length > 0) return service.readMany(keys, parsed);
		return service.readByQuery(parsed);
	},
});

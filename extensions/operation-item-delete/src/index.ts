import { createError, defineOperation, flowCollection, flowKeys, flowOptionFields, type FlowPermissions, type QueryInput } from '@mantle/extensions-sdk';

/** Deletes items by key, or those a query finds, with the permissions the flow chose; answers their keys. */
export default defineOperation<{ collection?: unknown; permissions?: FlowPermissions; key?: unknown; query?: unknown }, unknown, 'items' | 'flows'>({
	id: 'item-delete',
	name: 'Delete Data',
	options: [flowOptionFields.collection, flowOptionFields.permissions, flowOptionFields.keys, flowOptionFields.query],
	async handler({ collection, permissions, key, query }, { items, flows, accountability }) {
		const service = items(flowCollection('delete-data', collection), { accountability: await flows.accountabilityFor(permissions, accountability) });
		const keys = flowKeys(key);
		if (keys.length > 0) return service.deleteMany(keys);
		// A query with no filter would delete everything: the designer must say so with a filter.
		if (query && typeof query === 'object' && (query as { filter?: unknown }).filter) return service.deleteByQuery(query as QueryInput);
		throw createError('operationNeedsTarget', { operation: 'delete-data', condition: ' with a filter' });
	},
});

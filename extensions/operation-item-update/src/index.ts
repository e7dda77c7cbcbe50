import {
	createError,
	defineOperation,
	flowCollection,
	flowKeys,
	flowOptionFields,
	type FlowPermissions,
	type Item,
	type QueryInput,
} from '@mantle/extensions-sdk';

/** Updates items by key, or those a query finds, with the permissions the flow chose; answers their keys. */
export default defineOperation<
	{ collection?: unknown; permissions?: FlowPermissions; key?: unknown; query?: unknown; payload?: unknown },
	unknown,
	'items' | 'flows'
>({
	id: 'item-update',
	name: 'Update Data',
	options: [flowOptionFields.collection, flowOptionFields.permissions, flowOptionFields.keys, flowOptionFields.payload, flowOptionFields.query],
	async handler({ collection, permissions, key, query, payload }, { items, flows, accountability }) {
		const target = flowCollection('update-data', collection);
		const changes = typeof payload === 'string' ? JSON.parse(payload) : payload;
		if (changes === null || typeof changes !== 'object' || Array.isArray(changes))
			throw createError('operationNeedsPayload', { operation: 'update-data', shape: 'object' });
		const service = items(target, { accountability: await flows.accountabilityFor(permissions, accountability) });
		const keys = flowKeys(key);
		if (keys.length > 0) return service.updateMany(keys, changes as Item);
		if (query && typeof query === 'object') return service.updateByQuery(query as QueryInput, changes as Item);
		throw createError('operationNeedsTarget', { operation: 'update-data', condition: '' });
	},
});

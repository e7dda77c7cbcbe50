import { createError, defineOperation, type FlowPermissions, type PrimaryKey, type QueryInput } from '@mantle/extensions-sdk';

/** Deletes items by key, or those a query finds, with the permissions the flow chose; answers their keys. */
export default defineOperation<{ collection?: unknown; permissions?: FlowPermissions; key?: unknown; query?: unknown }, unknown, 'items' | 'flows'>({
	id: 'item-delete',
	name: 'Delete Data',
	async handler({ collection, permissions, key, query }, { items, flows, accountability }) {
		if (typeof collection !== 'string' || collection === '') throw createError('INVALID_PAYLOAD', 'The delete-data operation needs its "collection".');
		const service = items(collection, { accountability: await flows.accountabilityFor(permissions, accountability) });
		const keys = (Array.isArray(key) ? key : key === undefined || key === null || key === '' ? [] : [key]) as PrimaryKey[];
		if (keys.length > 0) return service.deleteMany(keys);
		// A query with no filter would delete everything: the designer must say so with a filter.
		if (query && typeof query === 'object' && (query as { filter?: unknown }).filter) return service.deleteByQuery(query as QueryInput);
		throw createError('INVALID_PAYLOAD', 'The delete-data operation needs a "key" or a "query" with a filter.');
	},
});

import { createError, defineOperation, type FlowPermissions, type PrimaryKey, type QueryInput } from '@mantle/extensions-sdk';

/** Deletes items by key, or those a query finds, with the permissions the flow chose; answers their keys. */
export default defineOperation<{ collection?: unknown; permissions?: FlowPermissions; key?: unknown; query?: unknown }, unknown, 'items' | 'flows'>({
	id: 'item-delete',
	name: 'Delete Data',
	options: [
		{ field: 'collection', name: 'Collection', type: 'string', meta: { interface: 'system-collection', required: true } },
		{
			field: 'permissions',
			name: 'Permissions',
			type: 'string',
			meta: {
				interface: 'select-dropdown',
				options: {
					choices: [
						{ text: 'From the trigger', value: '$trigger' },
						{ text: 'Public', value: '$public' },
						{ text: 'Full access', value: '$full' },
					],
				},
			},
			schema: { default_value: '$trigger' },
		},
		{
			field: 'key',
			name: 'Keys',
			type: 'string',
			meta: { interface: 'input', note: 'A key, a list of keys, or a placeholder such as {{ $trigger.body.keys }}' },
		},
		{ field: 'query', name: 'Query', type: 'json', meta: { interface: 'input-code' } },
	],
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

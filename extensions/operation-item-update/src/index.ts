import { createError, defineOperation, type FlowPermissions, type Item, type PrimaryKey, type QueryInput } from '@mantle/extensions-sdk';

/** Updates items by key, or those a query finds, with the permissions the flow chose; answers their keys. */
export default defineOperation<
	{ collection?: unknown; permissions?: FlowPermissions; key?: unknown; query?: unknown; payload?: unknown },
	unknown,
	'items' | 'flows'
>({
	id: 'item-update',
	name: 'Update Data',
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
		{ field: 'payload', name: 'Payload', type: 'json', meta: { interface: 'input-code' } },
		{ field: 'query', name: 'Query', type: 'json', meta: { interface: 'input-code' } },
	],
	async handler({ collection, permissions, key, query, payload }, { items, flows, accountability }) {
		if (typeof collection !== 'string' || collection === '') throw createError('INVALID_PAYLOAD', 'The update-data operation needs its "collection".');
		const changes = typeof payload === 'string' ? JSON.parse(payload) : payload;
		if (changes === null || typeof changes !== 'object' || Array.isArray(changes))
			throw createError('INVALID_PAYLOAD', 'The update-data operation needs a "payload" object.');
		const service = items(collection, { accountability: await flows.accountabilityFor(permissions, accountability) });
		const keys = (Array.isArray(key) ? key : key === undefined || key === null || key === '' ? [] : [key]) as PrimaryKey[];
		if (keys.length > 0) return service.updateMany(keys, changes as Item);
		if (query && typeof query === 'object') return service.updateByQuery(query as QueryInput, changes as Item);
		throw createError('INVALID_PAYLOAD', 'The update-data operation needs a "key" or a "query".');
	},
});

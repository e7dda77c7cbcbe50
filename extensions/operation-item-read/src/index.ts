import { createError, defineOperation, type FlowPermissions, type PrimaryKey, type QueryInput } from '@mantle/extensions-sdk';

/** Reads items by key, or by query, with the permissions the flow chose. */
export default defineOperation<{ collection?: unknown; permissions?: FlowPermissions; key?: unknown; query?: unknown }, unknown, 'items' | 'flows'>({
	id: 'item-read',
	name: 'Read Data',
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
		if (typeof collection !== 'string' || collection === '') throw createError('INVALID_PAYLOAD', 'The read-data operation needs its "collection".');
		const service = items(collection, { accountability: await flows.accountabilityFor(permissions, accountability) });
		const keys = keyList(key);
		const parsed = (query && typeof query === 'object' ? query : {}) as QueryInput;
		if (keys.length === 1 && !Array.isArray(key)) return service.readOne(keys[0]!, parsed);
		if (keys.length > 0) return service.readMany(keys, parsed);
		return service.readByQuery(parsed);
	},
});

function keyList(key: unknown): PrimaryKey[] {
	const list = Array.isArray(key) ? key : key === undefined || key === null || key === '' ? [] : [key];
	return list.filter((entry): entry is PrimaryKey => typeof entry === 'string' || typeof entry === 'number');
}

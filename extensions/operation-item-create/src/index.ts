import { createError, defineOperation, type FlowPermissions, type Item } from '@mantle/extensions-sdk';

/** Creates one item or a list of them with the permissions the flow chose; answers their keys. */
export default defineOperation<{ collection?: unknown; permissions?: FlowPermissions; payload?: unknown }, unknown, 'items' | 'flows'>({
	id: 'item-create',
	name: 'Create Data',
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
		{ field: 'payload', name: 'Payload', type: 'json', meta: { interface: 'input-code' } },
	],
	async handler({ collection, permissions, payload }, { items, flows, accountability }) {
		if (typeof collection !== 'string' || collection === '') throw createError('INVALID_PAYLOAD', 'The create-data operation needs its "collection".');
		const service = items(collection, { accountability: await flows.accountabilityFor(permissions, accountability) });
		const given = typeof payload === 'string' ? parse(payload) : payload;
		if (Array.isArray(given)) return service.createMany(given as Item[]);
		if (given === null || typeof given !== 'object') throw createError('INVALID_PAYLOAD', 'The create-data operation needs a "payload" object or list.');
		return [await service.createOne(given as Item)];
	},
});

function parse(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		throw createError('INVALID_PAYLOAD', 'The create-data operation\'s "payload" is not valid JSON.');
	}
}

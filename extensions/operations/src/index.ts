import { createError, defineEndpoint, itemsRoutes } from '@mantle/extensions-sdk';

/** `/operations`: the steps of flows, each linked to the next by its `resolve` and `reject`. */
export default defineEndpoint({
	id: 'operations',
	handler(router, { items }) {
		if (!items) throw createError('INTERNAL', 'The operations extension needs the items capability.');
		itemsRoutes(router, items, { collection: 'directus_operations' });
	},
});

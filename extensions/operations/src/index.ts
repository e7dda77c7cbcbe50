import { defineEndpoint, itemsRoutes } from '@mantle/extensions-sdk';

/** `/operations`: the steps of flows, each linked to the next by its `resolve` and `reject`. */
export default defineEndpoint<'items'>({
	id: 'operations',
	handler(router, { items }) {
		itemsRoutes(router, items, { collection: 'directus_operations' });
	},
});

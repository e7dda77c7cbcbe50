import { defineEndpoint, itemsRoutes } from '@mantle/extensions-sdk';

/** `/activity`: the log of every change made through Mantle, read only. */
export default defineEndpoint<'items'>({
	id: 'activity',
	handler(router, { items }) {
		itemsRoutes(router, items, { collection: 'directus_activity', readOnly: true });
	},
});

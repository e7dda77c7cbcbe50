import { defineEndpoint, itemsRoutes } from '@mantle/extensions-sdk';

/** `/panels`: the panels placed on insights dashboards, through the caller's permissions. */
export default defineEndpoint<'items'>({
	id: 'panels',
	handler(router, { items }) {
		itemsRoutes(router, items, { collection: 'directus_panels' });
	},
});

import { createError, defineEndpoint, itemsRoutes } from '@mantle/extensions-sdk';

/** `/panels`: the panels placed on insights dashboards, through the caller's permissions. */
export default defineEndpoint({
	id: 'panels',
	handler(router, { items }) {
		if (!items) throw createError('INTERNAL', 'The panels extension needs the items capability.');
		itemsRoutes(router, items, { collection: 'directus_panels' });
	},
});

import { defineEndpoint, itemsRoutes } from '@mantle/extensions-sdk';

/** `/access`: which role or user holds which policy; a row with neither is public. */
export default defineEndpoint<'items'>({
	id: 'access',
	handler(router, { items }) {
		itemsRoutes(router, items, { collection: 'directus_access' });
	},
});

import { createError, defineEndpoint, itemsRoutes } from '@mantle/extensions-sdk';

/** `/access`: which role or user holds which policy; a row with neither is public. */
export default defineEndpoint({
	id: 'access',
	handler(router, { items }) {
		if (!items) throw createError('INTERNAL', 'The access extension needs the items capability.');
		itemsRoutes(router, items, { collection: 'directus_access' });
	},
});

import { createError, defineEndpoint, itemsRoutes } from '@mantle/extensions-sdk';

/** `/dashboards`: the Studio's insights dashboards, through the caller's permissions. */
export default defineEndpoint({
	id: 'dashboards',
	handler(router, { items }) {
		if (!items) throw createError('INTERNAL', 'The dashboards extension needs the items capability.');
		itemsRoutes(router, items, { collection: 'directus_dashboards' });
	},
});

import { defineEndpoint, itemsRoutes } from '@mantle/extensions-sdk';

/** `/dashboards`: the Studio's insights dashboards, through the caller's permissions. */
export default defineEndpoint<'items'>({
	id: 'dashboards',
	handler(router, { items }) {
		itemsRoutes(router, items, { collection: 'directus_dashboards' });
	},
});

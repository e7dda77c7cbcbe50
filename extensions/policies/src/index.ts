import { createError, defineEndpoint, itemsRoutes } from '@mantle/extensions-sdk';

/** `/policies`: sets of permissions with their admin, app, IP and two-factor flags. */
export default defineEndpoint({
	id: 'policies',
	handler(router, { items }) {
		if (!items) throw createError('INTERNAL', 'The policies extension needs the items capability.');
		itemsRoutes(router, items, { collection: 'directus_policies' });
	},
});

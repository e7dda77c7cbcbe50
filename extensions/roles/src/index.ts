import { createError, defineEndpoint, itemsRoutes } from '@mantle/extensions-sdk';

/** `/roles`: roles, nestable through `parent`; policies attach to them through `/access`. */
export default defineEndpoint({
	id: 'roles',
	handler(router, { items }) {
		if (!items) throw createError('INTERNAL', 'The roles extension needs the items capability.');
		itemsRoutes(router, items, { collection: 'directus_roles' });
	},
});

import { createError, defineEndpoint, itemsRoutes } from '@mantle/extensions-sdk';
import { withJunctionKeys } from './junction-keys.js';

/** `/roles`: roles, nestable through `parent`, holding policies through `directus_access` (`policies`). */
export default defineEndpoint({
	id: 'roles',
	handler(router, { items }) {
		if (!items) throw createError('INTERNAL', 'The roles extension needs the items capability.');
		itemsRoutes(router, withJunctionKeys(items, 'policies', 'policy'), { collection: 'directus_roles' });
	},
});

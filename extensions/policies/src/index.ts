import { createError, defineEndpoint, itemsRoutes } from '@mantle/extensions-sdk';
import { withJunctionKeys } from './junction-keys.js';

/**
 * `/policies`: sets of permissions with their admin, app, IP and two-factor flags, attached to
 * roles through `directus_access` (`roles`) and holding their `permissions`.
 */
export default defineEndpoint({
	id: 'policies',
	handler(router, { items }) {
		if (!items) throw createError('INTERNAL', 'The policies extension needs the items capability.');
		itemsRoutes(router, withJunctionKeys(items, 'roles', 'role'), { collection: 'directus_policies' });
	},
});

import { createError, defineEndpoint, ownedRoutes } from '@mantle/extensions-sdk';

/**
 * `/translations`: custom translation strings. Every signed-in user reads them (the Studio shows
 * them to everyone); creating, changing and deleting them takes a permission.
 */
export default defineEndpoint({
	id: 'translations',
	handler(router, { items }) {
		if (!items) throw createError('INTERNAL', 'The translations extension needs the items capability.');
		ownedRoutes(router, items, {
			collection: 'directus_translations',
			readRule: () => ({ id: { _nnull: true } }),
			updateRule: null,
			deleteRule: null,
		});
	},
});

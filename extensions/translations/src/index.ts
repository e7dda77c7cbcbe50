import { defineEndpoint, ownedRoutes } from '@mantle/extensions-sdk';

/**
 * `/translations`: custom translation strings. Every signed-in user reads them (the Studio shows
 * them to everyone); creating, changing and deleting them takes a permission.
 */
export default defineEndpoint<'items'>({
	id: 'translations',
	handler(router, { items }) {
		ownedRoutes(router, items, {
			collection: 'directus_translations',
			readRule: () => ({ id: { _nnull: true } }),
			updateRule: null,
			deleteRule: null,
		});
	},
});

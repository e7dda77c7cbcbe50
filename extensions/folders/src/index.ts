import { defineEndpoint, itemsRoutes } from '@mantle/extensions-sdk';

/** `/folders`: the folders files are filed in, as plain Directus-style items routes. */
export default defineEndpoint<'items'>({
	id: 'folders',
	handler(router, { items }) {
		itemsRoutes(router, items, { collection: 'directus_folders' });
	},
});

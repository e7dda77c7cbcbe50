import { createError, defineEndpoint, itemsRoutes } from '@mantle/extensions-sdk';

/** `/folders`: the folders files are filed in, as plain Directus-style items routes. */
export default defineEndpoint({
	id: 'folders',
	handler(router, { items }) {
		if (!items) throw createError('INTERNAL', 'The folders extension needs the items capability.');
		itemsRoutes(router, items, { collection: 'directus_folders' });
	},
});

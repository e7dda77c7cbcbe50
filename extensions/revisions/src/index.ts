import { createError, defineEndpoint, itemsRoutes } from '@mantle/extensions-sdk';

/** `/revisions`: each item's state after each change, with what the change set; read only. */
export default defineEndpoint({
	id: 'revisions',
	handler(router, { items }) {
		if (!items) throw createError('INTERNAL', 'The revisions extension needs the items capability.');
		itemsRoutes(router, items, { collection: 'directus_revisions', readOnly: true });
	},
});

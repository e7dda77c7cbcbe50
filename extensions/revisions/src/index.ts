import { defineEndpoint, itemsRoutes } from '@mantle/extensions-sdk';

/** `/revisions`: each item's state after each change, with what the change set; read only. */
export default defineEndpoint<'items'>({
	id: 'revisions',
	handler(router, { items }) {
		itemsRoutes(router, items, { collection: 'directus_revisions', readOnly: true });
	},
});

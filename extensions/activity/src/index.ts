import { createError, defineEndpoint, itemsRoutes } from '@mantle/extensions-sdk';

/** `/activity`: the log of every change made through Mantle, read only. */
export default defineEndpoint({
	id: 'activity',
	handler(router, { items }) {
		if (!items) throw createError('INTERNAL', 'The activity extension needs the items capability.');
		itemsRoutes(router, items, { collection: 'directus_activity', readOnly: true });
	},
});

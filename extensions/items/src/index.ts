import { createError, defineEndpoint, itemsRoutes } from '@mantle/extensions-sdk';

/**
 * `/items/:collection`: every user collection, Directus-compatible. System collections have
 * their own endpoints (`/users`, `/files`, ...) and are refused here, as clients expect.
 */
export default defineEndpoint<'items'>({
	id: 'items',
	handler(router, { items }) {
		const collectionOf = ({ params }: { params: Record<string, string> }) => {
			const collection = params.collection!;
			if (collection.startsWith('directus_')) throw createError('FORBIDDEN');
			return collection;
		};
		itemsRoutes(router, items, { prefix: '/:collection', collection: collectionOf, singletons: true });
	},
});

import { createError, defineEndpoint, itemsRoutes, versionModelOf } from '@mantle/extensions-sdk';

/**
 * `/items/:collection`: every user collection, Directus-compatible. System collections have
 * their own endpoints (`/users`, `/files`, ...) and are refused here, as clients expect.
 */
export default defineEndpoint<'items' | 'schema'>({
	id: 'items',
	handler(router, { items, schema }) {
		const collectionOf = ({ params }: { params: Record<string, string> }) => {
			const collection = params.collection!;
			if (collection.startsWith('directus_')) throw createError('FORBIDDEN');
			return collection;
		};
		itemsRoutes(router, items, {
			prefix: '/:collection',
			collection: collectionOf,
			singletons: true,
			// `?version=<key>` reads an item as a content version has it; the relations say how its changes nest.
			versions: (request) => versionModelOf(schema, items, request.accountability),
		});
	},
});

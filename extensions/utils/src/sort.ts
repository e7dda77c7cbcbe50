import { moveItem, type ItemsCapability, type Router, type SchemaCapability } from '@mantle/extensions-sdk';

/** `/utils/sort/:collection` `{ item, to }`: moves `item` to where `to` is, as dragging a row in the Studio does. */
export function registerSortRoutes(router: Router, items: ItemsCapability, schema: SchemaCapability): void {
	router.post('/sort/:collection', async ({ params, body, accountability }) => {
		const { item, to } = (typeof body === 'object' && body !== null ? body : {}) as { item?: unknown; to?: unknown };
		await moveItem({ items, schema }, accountability, params.collection!, item, to);
		return { status: 200, body: undefined };
	});
}

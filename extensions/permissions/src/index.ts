import { defineEndpoint, itemsRoutes } from '@mantle/extensions-sdk';
import { registerItemPermissions } from './item-permissions.js';

/**
 * `/permissions`: collection × action rules of each policy, `/permissions/me`, what the caller
 * may do, per collection and action, and `/permissions/me/:collection/:item`, for one item, as
 * the Studio needs to know.
 */
export default defineEndpoint<'items'>({
	id: 'permissions',
	handler(router, { items }) {
		router.get('/me', async ({ accountability }) => {
			const rows = await items('directus_permissions').readByQuery({ filter: { policy: { _in: accountability.policies } }, limit: -1 });
			const summary: Record<string, Record<string, { access: 'full' | 'partial'; fields: string[] }>> = {};
			for (const row of rows) {
				const collection = String(row.collection);
				const action = String(row.action);
				const fields = Array.isArray(row.fields) ? row.fields.map(String) : [];
				const previous = summary[collection]?.[action];
				const partial = row.permissions !== null && Object.keys((row.permissions as object) ?? {}).length > 0;
				summary[collection] = {
					...summary[collection],
					[action]: {
						access: previous?.access === 'full' || !partial ? 'full' : 'partial',
						fields: [...new Set([...(previous?.fields ?? []), ...fields])],
					},
				};
			}
			return { body: { data: accountability.admin ? { '*': 'admin' } : summary } };
		});
		registerItemPermissions(router, items);
		itemsRoutes(router, items, { collection: 'directus_permissions' });
	},
});

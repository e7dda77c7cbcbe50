import { defineEndpoint, itemsRoutes, withJunctionKeys } from '@mantle/extensions-sdk';

/** `/roles`: roles, nestable through `parent`, holding policies through `directus_access` (`policies`). */
export default defineEndpoint<'items'>({
	id: 'roles',
	handler(router, { items }) {
		// The caller's own roles (their role and the ones it is nested in), read with their permissions.
		router.get('/me', async ({ accountability, query }) => {
			if (accountability.roles.length === 0) return { body: { data: [] } };
			return { body: { data: await items('directus_roles', { accountability }).readMany(accountability.roles, { ...query, limit: -1 }) } };
		});
		itemsRoutes(router, withJunctionKeys(items, 'policies', 'policy'), { collection: 'directus_roles' });
	},
});

import { defineEndpoint, itemsRoutes, withJunctionKeys } from '@mantle/extensions-sdk';

/**
 * `/policies`: sets of permissions with their admin, app, IP and two-factor flags, attached to
 * roles through `directus_access` (`roles`) and holding their `permissions`.
 */
export default defineEndpoint<'items'>({
	id: 'policies',
	handler(router, { items }) {
		// What the caller's policies add up to, as the Studio asks before showing anything. These are
		// flags of the caller's own policies, so they are read without the caller's read permissions.
		router.get('/me/globals', async ({ accountability }) => {
			const own =
				accountability.policies.length === 0
					? []
					: await items('directus_policies', { accountability: null }).readMany(accountability.policies, { fields: ['enforce_tfa'] });
			return {
				body: {
					data: {
						app_access: accountability.app || accountability.admin,
						admin_access: accountability.admin,
						enforce_tfa: own.some((policy) => policy.enforce_tfa === true),
					},
				},
			};
		});
		itemsRoutes(router, withJunctionKeys(items, 'roles', 'role'), { collection: 'directus_policies' });
	},
});

import { defineEndpoint, ownedRoutes } from '@mantle/extensions-sdk';

/**
 * `/notifications`: each user reads their own and moves them between inbox and archive (the
 * `status`); sending and deleting take a permission (admins, flows). A notification records
 * who sent it.
 */
export default defineEndpoint<'items'>({
	id: 'notifications',
	handler(router, { items }) {
		const own = ({ user }: { user: string }) => ({ recipient: { _eq: user } });
		ownedRoutes(router, items, {
			collection: 'directus_notifications',
			readRule: own,
			updateRule: own,
			deleteRule: null,
			updatableFields: ['status'],
		});
	},
});

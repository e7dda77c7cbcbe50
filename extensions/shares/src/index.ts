import { defineEndpoint, ownedRoutes } from '@mantle/extensions-sdk';
import { checkNewShare } from './create.js';
import { registerShareAuthRoutes } from './auth.js';

/**
 * `/shares`: links that let someone without an account read one item. A signed-in user shares
 * what they may share (the `share` permission on the collection and read access to the item),
 * with their own role or none above it, and manages their own shares; admins manage all. A
 * visitor signs in with `/shares/auth` and reads only the shared item.
 */
export default defineEndpoint<'items' | 'shares'>({
	id: 'shares',
	handler(router, { items, shares }) {
		registerShareAuthRoutes(router, items, shares);
		const own = ({ user }: { user: string }) => ({ user_created: { _eq: user } });
		ownedRoutes(router, items, {
			collection: 'directus_shares',
			owner: 'user_created',
			readRule: own,
			updateRule: own,
			deleteRule: own,
			// What is shared, and as whom, is fixed when the share is made, where it is checked.
			updatableFields: ['name', 'password', 'date_start', 'date_end', 'max_uses'],
			checkCreate: (request, item) => checkNewShare(items, request, item),
		});
	},
});

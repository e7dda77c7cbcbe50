import { defineEndpoint, ownedRoutes } from '@mantle/extensions-sdk';

/**
 * `/presets`: bookmarks and saved layouts. A preset with a user is that user's; with a role and
 * no user, the role's default; with neither, everyone's default. Every signed-in user reads the
 * presets that apply to them and manages their own; admins manage all.
 */
export default defineEndpoint<'items'>({
	id: 'presets',
	handler(router, { items }) {
		const own = ({ user }: { user: string }) => ({ user: { _eq: user } });
		ownedRoutes(router, items, {
			collection: 'directus_presets',
			owner: 'user',
			readRule: ({ user, roles }) => ({
				_or: [
					{ user: { _eq: user } },
					...(roles.length > 0 ? [{ _and: [{ user: { _null: true } }, { role: { _in: roles } }] }] : []),
					{ _and: [{ user: { _null: true } }, { role: { _null: true } }] },
				],
			}),
			updateRule: own,
			deleteRule: own,
		});
	},
});

import { createError, defineEndpoint, itemsRoutes, type EndpointRequest, type ItemsCapability } from '@mantle/extensions-sdk';
import { registerAccountRoutes } from './account.js';

/** What a user may change about themselves through `/users/me`, whatever their permissions. */
const ownFields = new Set([
	'first_name', 'last_name', 'email', 'password', 'location', 'title', 'description', 'tags', 'avatar', 'language',
	'appearance', 'theme_dark', 'theme_light', 'theme_light_overrides', 'theme_dark_overrides', 'email_notifications',
]);

/**
 * `/users`: the caller's own account (`/me`, two-factor authentication), registration and
 * invitations, and the users collection itself through the caller's permissions.
 */
export default defineEndpoint({
	id: 'users',
	handler(router, { auth, items }) {
		if (!items) throw createError('INTERNAL', 'The users extension needs the items capability.');
		registerAccountRoutes(router, auth);
		router.get('/me', async (request) => ({ body: { data: await self(items, request).readOne(userOf(request), request.query) } }));
		router.patch('/me', async (request) => {
			const changes = (request.body ?? {}) as Record<string, unknown>;
			if (typeof changes !== 'object' || Array.isArray(changes)) throw createError('INVALID_PAYLOAD', 'The body must be an object of changes.');
			for (const key of Object.keys(changes)) {
				if (!ownFields.has(key)) throw createError('FORBIDDEN', `You can't change "${key}" of your own account.`);
			}
			const service = self(items, request);
			await service.updateOne(userOf(request), changes);
			return { body: { data: await service.readOne(userOf(request), request.query) } };
		});
		itemsRoutes(router, items, { collection: 'directus_users' });
	},
});

function userOf(request: EndpointRequest): string {
	if (!request.accountability.user) throw createError('FORBIDDEN', "You don't have permission to access this.");
	return request.accountability.user;
}

/** A user reads and edits their own item as the system would: the key is their own, nothing else. */
function self(items: ItemsCapability, request: EndpointRequest) {
	userOf(request);
	return items('directus_users', { accountability: null });
}

import { createError, defineEndpoint, itemsRoutes, type EndpointRequest, type ItemsCapability } from '@mantle/extensions-sdk';
import { registerAccountRoutes } from './account.js';

/**
 * `/users`: the caller's own account (`/me`, two-factor authentication), registration and
 * invitations, and the users collection itself through the caller's permissions.
 */
export default defineEndpoint<'auth' | 'items'>({
	id: 'users',
	handler(router, { auth, items }) {
		registerAccountRoutes(router, auth);
		router.get('/me', async (request) => ({ body: { data: await self(items, request).readOne(userOf(request), request.query) } }));
		router.patch('/me', async (request) => {
			const changes = (request.body ?? {}) as Record<string, unknown>;
			if (typeof changes !== 'object' || changes === null || Array.isArray(changes)) throw createError('bodyNotObject');
			const service = self(items, request);
			await service.updateOne(userOf(request), changes);
			return { body: { data: await service.readOne(userOf(request), request.query) } };
		});
		itemsRoutes(router, items, { collection: 'directus_users' });
	},
});

/** Without a signed-in user there is no "me": clients expect to be told to sign in. */
function userOf(request: EndpointRequest): string {
	if (!request.accountability.user) throw createError('INVALID_CREDENTIALS');
	return request.accountability.user;
}

/**
 * A user reads and edits their own item through their own permissions, marked as a self-service
 * call so that they include the built-in ones (their own row, the self-service fields); everything
 * reached through it (an avatar, its uploader) is checked like any other read or write.
 */
function self(items: ItemsCapability, request: EndpointRequest) {
	userOf(request);
	const accountability = { ...request.accountability, selfService: true } as EndpointRequest['accountability'];
	return items('directus_users', { accountability });
}

import { defineEndpoint } from '@mantle/extensions-sdk';
import { registerAccountRoutes } from './account.js';

/** `/users`: the caller's own account, two-factor authentication, registration and invitations. */
export default defineEndpoint({
	id: 'users',
	handler(router, context) {
		registerAccountRoutes(router, context.auth);
	},
});

import type { AuthCapability, EndpointRequest, Router } from '@mantle/extensions-sdk';

function bodyOf(request: EndpointRequest): Record<string, unknown> {
	const { body } = request;
	return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

/**
 * The routes a user calls about their own account, and the ways an account comes to be
 * (registration, invitation). Literal segments such as `/me` and `/invite` win over the `/:id`
 * item routes registered beside them.
 */
export function registerAccountRoutes(router: Router, auth: AuthCapability): void {
	router.post('/me/tfa/generate', async (request) => ({ body: { data: await auth.tfa.generate(request.accountability, bodyOf(request).password) } }));

	router.post('/me/tfa/enable', async (request) => {
		const body = bodyOf(request);
		await auth.tfa.enable(request.accountability, body.secret, body.otp);
		return { status: 204 };
	});

	router.post('/me/tfa/disable', async (request) => {
		await auth.tfa.disable(request.accountability, bodyOf(request).otp);
		return { status: 204 };
	});

	router.post('/register', async (request) => {
		await auth.users.register(request.body);
		return { status: 204 };
	});

	router.post('/invite', async (request) => {
		await auth.users.invite(request.accountability, request.body);
		return { status: 204 };
	});

	router.post('/invite/accept', async (request) => {
		await auth.users.acceptInvite(request.body);
		return { status: 204 };
	});
}

import {
	createError,
	defineEndpoint,
	setCookie,
	type AuthCapability,
	type AuthMode,
	type AuthRequestContext,
	type AuthTokens,
	type EndpointRequest,
	type EndpointResponse,
	type PresentedSession,
} from '@mantle/extensions-sdk';

const modes = new Set<AuthMode>(['json', 'cookie', 'session']);

function bodyOf(request: EndpointRequest): Record<string, unknown> {
	const { body } = request;
	return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

function modeOf(value: unknown, fallback: AuthMode): AuthMode {
	if (value === undefined || value === null || value === '') return fallback;
	if (typeof value !== 'string' || !modes.has(value as AuthMode)) throw createError('fieldNotOneOf', { field: 'mode', allowed: [...modes].join(', ') });
	return value as AuthMode;
}

function contextOf(request: EndpointRequest): AuthRequestContext {
	const origin = request.headers.origin;
	return { ip: request.accountability.ip, userAgent: request.accountability.userAgent, ...(typeof origin === 'string' ? { origin } : {}) };
}

/** The answer to a login or refresh in each mode, as Directus clients expect it. */
function tokensResponse(auth: AuthCapability, tokens: AuthTokens, mode: AuthMode): EndpointResponse {
	if (mode === 'session') {
		return { headers: { 'set-cookie': setCookie(auth.cookies.session, tokens.accessToken) }, body: { data: { expires: tokens.expires } } };
	}
	if (mode === 'cookie') {
		return {
			headers: { 'set-cookie': setCookie(auth.cookies.refresh, tokens.refreshToken) },
			body: { data: { access_token: tokens.accessToken, expires: tokens.expires } },
		};
	}
	return { body: { data: { access_token: tokens.accessToken, expires: tokens.expires, refresh_token: tokens.refreshToken } } };
}

/** The session a refresh or logout names: the body's refresh token, else the mode's cookie. */
function presentedSession(auth: AuthCapability, request: EndpointRequest, mode: AuthMode | undefined): PresentedSession {
	const body = bodyOf(request);
	const cookies = request.cookies ?? {};
	if (typeof body.refresh_token === 'string' && body.refresh_token !== '') return { refreshToken: body.refresh_token };
	if (mode === 'session') return { sessionToken: cookies[auth.cookies.session.name] };
	if (mode === 'cookie') return { refreshToken: cookies[auth.cookies.refresh.name] };
	return { refreshToken: cookies[auth.cookies.refresh.name], sessionToken: cookies[auth.cookies.session.name] };
}

/** `/auth`: logins and sessions, password resets and SSO providers, Directus-compatible. */
export default defineEndpoint<'auth'>({
	id: 'auth',
	handler(router, { auth }) {
		router.get('/', () => ({ body: { data: auth.providers(), disableDefault: false } }));

		router.post('/login', async (request) => {
			const body = bodyOf(request);
			const mode = modeOf(body.mode, 'json');
			const tokens = await auth.login({ email: body.email, password: body.password, otp: body.otp }, contextOf(request), { session: mode === 'session' });
			return tokensResponse(auth, tokens, mode);
		});

		router.post('/refresh', async (request) => {
			const body = bodyOf(request);
			const mode = modeOf(body.mode, typeof body.refresh_token === 'string' ? 'json' : 'cookie');
			const tokens = await auth.refresh(presentedSession(auth, request, mode), contextOf(request), { session: mode === 'session' });
			return tokensResponse(auth, tokens, mode);
		});

		router.post('/logout', async (request) => {
			const body = bodyOf(request);
			const mode = body.mode === undefined ? undefined : modeOf(body.mode, 'json');
			await auth.logout(presentedSession(auth, request, mode));
			return { status: 204, headers: { 'set-cookie': [setCookie(auth.cookies.refresh, null), setCookie(auth.cookies.session, null)] } };
		});

		router.post('/password/request', async (request) => {
			const body = bodyOf(request);
			await auth.requestPasswordReset(body.email, body.reset_url);
			return { status: 204 };
		});

		router.post('/password/reset', async (request) => {
			const body = bodyOf(request);
			await auth.resetPassword(body.token, body.password);
			return { status: 204 };
		});

		router.get('/login/:provider', async ({ params, query }) => {
			const start = await auth.startProviderLogin(params.provider!, query);
			return { status: 302, headers: { location: start.url, 'set-cookie': setCookie(auth.cookies.ssoState, start.state) } };
		});

		router.get('/login/:provider/callback', async (request): Promise<EndpointResponse> => {
			const state = request.cookies?.[auth.cookies.ssoState.name];
			const result = await auth.finishProviderLogin(request.params.provider!, request.query, state, contextOf(request));
			const clearState = setCookie(auth.cookies.ssoState, null);
			if (!result.redirect) {
				const tokens = result.tokens!;
				return {
					headers: { 'set-cookie': clearState },
					body: { data: { access_token: tokens.accessToken, refresh_token: tokens.refreshToken, expires: tokens.expires } },
				};
			}
			const cookies = [clearState];
			if (result.tokens) {
				cookies.push(
					result.mode === 'session' ? setCookie(auth.cookies.session, result.tokens.accessToken) : setCookie(auth.cookies.refresh, result.tokens.refreshToken),
				);
			}
			return { status: 302, headers: { location: result.redirect, 'set-cookie': cookies } };
		});
	},
});

import { randomUUID } from 'node:crypto';
import { vendorTest } from './helpers/vendor-test.js';
import { startKernel } from './helpers/kernel.js';
import { api, errorCode } from './helpers/http.js';
import { freePort } from './helpers/cli.js';
import { CookieJar, startOidcProvider } from './helpers/oidc.js';

const account = { sub: 'ada-1815', email: 'ada@example.com', given_name: 'Ada', family_name: 'Lovelace' };
const appUrl = 'http://app.example.com/after-login';

async function ssoSetup(db: Parameters<Parameters<typeof vendorTest>[1]>[1], options: { registration: boolean }) {
	const [mantlePort, providerPort] = [await freePort(), await freePort()];
	const mantleUrl = `http://127.0.0.1:${mantlePort}`;
	const provider = await startOidcProvider({
		port: providerPort,
		client: { client_id: 'mantle', client_secret: 'mantle-client-secret', redirect_uris: [`${mantleUrl}/auth/login/local/callback`] },
		account,
	});
	const role = randomUUID();
	const running = await startKernel(db, {
		PORT: String(mantlePort),
		PUBLIC_URL: mantleUrl,
		AUTH_PROVIDERS: 'local',
		AUTH_LOCAL_DRIVER: 'openid',
		AUTH_LOCAL_CLIENT_ID: 'mantle',
		AUTH_LOCAL_CLIENT_SECRET: 'mantle-client-secret',
		AUTH_LOCAL_ISSUER_URL: provider.issuer,
		AUTH_LOCAL_ALLOW_INSECURE_REQUESTS: 'true',
		AUTH_LOCAL_DEFAULT_ROLE_ID: role,
		AUTH_LOCAL_ALLOW_PUBLIC_REGISTRATION: String(options.registration),
		AUTH_LOCAL_REDIRECT_ALLOW_LIST: appUrl,
		AUTH_LOCAL_LABEL: 'Local OIDC',
	});
	await db.knex('mantle_roles').insert({ id: role, name: 'SSO users' });
	return { running, provider, role, mantleUrl };
}

/**
 * A browser's round trip: Mantle → provider (its interactions complete on their own) → Mantle's
 * callback. Answers the callback's response.
 */
async function browserLogin(mantleUrl: string, start: string) {
	const mantleJar = new CookieJar();
	const providerJar = new CookieJar();
	let response = await fetch(`${mantleUrl}${start}`, { redirect: 'manual' });
	if (response.status !== 302) return { first: response, callback: undefined, mantleJar };
	mantleJar.store(response);
	let location = response.headers.get('location')!;
	const first = response;
	for (let hops = 0; hops < 10 && !location.startsWith(mantleUrl); hops += 1) {
		response = await fetch(location, { redirect: 'manual', headers: { cookie: providerJar.header() } });
		providerJar.store(response);
		const next = response.headers.get('location');
		if (!next) throw new Error(`the provider stopped at ${location} with ${response.status}: ${await response.text()}`);
		location = new URL(next, location).toString();
	}
	const callback = await fetch(location, { redirect: 'manual', headers: { cookie: mantleJar.header() } });
	mantleJar.store(callback);
	return { first, callback, mantleJar };
}

vendorTest('SSO through a real OpenID provider creates the user once, with the default role, and issues a refresh cookie', async (t, db) => {
	const { running, provider, role, mantleUrl } = await ssoSetup(db, { registration: true });
	try {
		const listed = await api(mantleUrl, 'GET', '/auth', undefined, null);
		t.deepEqual(listed.body, { data: [{ name: 'local', driver: 'openid', label: 'Local OIDC', icon: 'account_circle' }], disableDefault: false });

		const { first, callback, mantleJar } = await browserLogin(mantleUrl, `/auth/login/local?redirect=${encodeURIComponent(appUrl)}`);
		t.is(first.status, 302);
		const authorize = new URL(first.headers.get('location')!);
		t.is(authorize.origin, provider.issuer);
		t.is(authorize.searchParams.get('code_challenge_method'), 'S256');
		t.truthy(authorize.searchParams.get('state'));

		t.is(callback!.status, 302);
		t.is(callback!.headers.get('location'), appUrl);
		const refreshToken = mantleJar.get('directus_refresh_token');
		t.truthy(refreshToken, 'the refresh cookie is set');

		const users = await db.knex('mantle_users').where({ provider: 'local' });
		t.is(users.length, 1);
		t.is(users[0].email, account.email);
		t.is(users[0].role, role);
		t.is(users[0].external_identifier, account.email);
		t.is(users[0].first_name, 'Ada');

		const refreshed = await fetch(`${mantleUrl}/auth/refresh`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', cookie: `directus_refresh_token=${refreshToken}` },
			body: '{"mode":"json"}',
		});
		t.is(refreshed.status, 200, 'the cookie opens a working session');
		const { data } = (await refreshed.json()) as { data: { access_token: string } };
		const me = await api(mantleUrl, 'GET', '/users/me', undefined, data.access_token);
		t.is(me.body.data.email, account.email);

		const again = await browserLogin(mantleUrl, '/auth/login/local');
		t.is(again.callback!.status, 200, 'without a redirect, the tokens come as JSON');
		const body = (await again.callback!.json()) as { data: { access_token: string; refresh_token: string; expires: number } };
		t.is(typeof body.data.refresh_token, 'string');
		t.is((await db.knex('mantle_users').where({ provider: 'local' })).length, 1, 'the second login finds the same user');
	} finally {
		await running.stop();
		await provider.close();
	}
});

type ErrorAnswer = { errors: Array<{ message: string }> };

vendorTest('SSO without public registration refuses unknown users, back to the redirect with a reason', async (t, db) => {
	const { running, provider, mantleUrl } = await ssoSetup(db, { registration: false });
	try {
		const { callback } = await browserLogin(mantleUrl, `/auth/login/local?redirect=${encodeURIComponent(appUrl)}`);
		t.is(callback!.status, 302);
		t.is(callback!.headers.get('location'), `${appUrl}?reason=INVALID_CREDENTIALS`);
		t.is((await db.knex('mantle_users').where({ provider: 'local' })).length, 0);

		const offList = await fetch(`${mantleUrl}/auth/login/local?redirect=${encodeURIComponent('https://evil.example.com/')}`, { redirect: 'manual' });
		t.is(offList.status, 400);
		t.is(((await offList.json()) as ErrorAnswer).errors[0]!.message, '"redirect" is not in AUTH_LOCAL_REDIRECT_ALLOW_LIST.');
		const unknown = await api(mantleUrl, 'GET', '/auth/login/nope', undefined, null);
		t.is(errorCode(unknown), 'INVALID_PROVIDER');
		const forged = await fetch(`${mantleUrl}/auth/login/local/callback?code=abc&state=def`, { redirect: 'manual' });
		t.is(forged.status, 401, 'a callback without the state cookie is refused');
		t.is(((await forged.json()) as ErrorAnswer).errors[0]!.message, 'The login state is missing or has expired; start the login again.');
	} finally {
		await running.stop();
		await provider.close();
	}
});

import test from 'ava';
import { createClient, MantleError, memoryStorage, readMe, type AuthData } from '../src/index.js';
import { adminEmail, adminPassword, adminToken, until, withServer } from './helpers.js';

const credentials = { email: adminEmail, password: adminPassword };
// Long enough that a refreshed token is still good when a loaded CI machine gets round to using it.
const shortLived = { ACCESS_TOKEN_TTL: '10s' };

/** Whether the server still accepts a bearer token for `/users/me`. */
async function accepted(url: string, token: string): Promise<{ ok: boolean; code?: string }> {
	const response = await fetch(`${url}/users/me`, { headers: { authorization: `Bearer ${token}` } });
	const body = await response.json();
	return { ok: response.ok, code: body?.errors?.[0]?.extensions?.code };
}

test('json mode: an expired access token is refreshed before the next request, with a rotated refresh token', async (t) => {
	await withServer(t, shortLived, async ({ url }) => {
		const sdk = createClient(url, { autoRefresh: false });
		const first = await sdk.login(credentials);
		t.is(first.expires, 10_000, 'expires is the token lifetime in ms');
		await until(async () => (await accepted(url, first.access_token!)).code === 'TOKEN_EXPIRED', 'the first token to expire');

		t.is((await sdk.request(readMe())).email, adminEmail);
		const second = await sdk.getToken();
		t.not(second, first.access_token);
		t.true((await accepted(url, second!)).ok);
		const third = await sdk.refresh();
		t.not(third.refresh_token, first.refresh_token, 'the refresh token rotates');
	});
});

test('json mode: the refresh timer renews the token while the client is idle', async (t) => {
	await withServer(t, shortLived, async ({ url }) => {
		const sdk = createClient(url);
		const first = await sdk.login(credentials);
		const renewed = await until(async () => {
			const token = await sdk.getToken();
			return token && token !== first.access_token ? token : '';
		}, 'the timer to refresh');
		t.true((await accepted(url, renewed)).ok);
		sdk.stopRefreshing();
	});
});

test('json mode: a request answered TOKEN_EXPIRED refreshes once and is replayed', async (t) => {
	await withServer(t, shortLived, async ({ url }) => {
		// A store that claims the token is good for an hour, so only the server's answer reveals expiry.
		const inner = memoryStorage();
		const storage = {
			get: inner.get,
			set: (value: AuthData | null) => inner.set(value && { ...value, expires_at: Date.now() + 3_600_000, expires: 3_600_000 }),
		};
		const sdk = createClient(url, { storage, autoRefresh: false });
		const first = await sdk.login(credentials);
		await until(async () => (await accepted(url, first.access_token!)).code === 'TOKEN_EXPIRED', 'the first token to expire');
		t.is((await sdk.request(readMe())).email, adminEmail);
		t.not(await sdk.getToken(), first.access_token);
	});
});

test('cookie mode keeps the refresh token in a cookie; refresh and logout use it', async (t) => {
	await withServer(t, shortLived, async ({ url }) => {
		const sdk = createClient(url, { mode: 'cookie', autoRefresh: false });
		const first = await sdk.login(credentials);
		t.truthy(first.access_token);
		t.is(first.refresh_token, null, 'the refresh token never reaches the script');
		const second = await sdk.refresh();
		t.truthy(second.access_token);
		t.true((await accepted(url, second.access_token!)).ok, 'the cookie carried the refresh');
		t.is((await sdk.request(readMe())).email, adminEmail);
		await sdk.logout();
		t.is(await sdk.getToken(), null);
		const refused = await t.throwsAsync(sdk.refresh(), { instanceOf: MantleError });
		t.true(refused?.status === 400 || refused?.status === 401, `refused with ${refused?.status} ${refused?.code}`);
	});
});

test('session mode signs in with a session cookie, refreshes it and ends it on logout', async (t) => {
	await withServer(t, shortLived, async ({ url }) => {
		const sdk = createClient(url, { mode: 'session', autoRefresh: false });
		const auth = await sdk.login(credentials);
		t.is(auth.access_token, null, 'no token: the cookie is the session');
		t.is((await sdk.request(readMe())).email, adminEmail);
		await until(async () => Date.now() > (auth.expires_at ?? 0), 'the session to pass its expiry');
		t.is((await sdk.request(readMe())).email, adminEmail, 'the session was refreshed before the request');
		await sdk.logout();
		const after = await t.throwsAsync(sdk.request(readMe()), { instanceOf: MantleError });
		t.true(after?.status === 401 || after?.status === 403);
	});
});

test('a static token is sent as is and never refreshed; a bad one fails with the API code', async (t) => {
	await withServer(t, {}, async ({ url }) => {
		const sdk = createClient(url);
		await sdk.setToken(adminToken);
		t.is((await sdk.request(readMe())).email, adminEmail);
		await sdk.setToken('not-a-token');
		const refused = await t.throwsAsync(sdk.request(readMe()), { instanceOf: MantleError });
		t.is(refused?.status, 401);
		t.is(refused?.code, 'INVALID_CREDENTIALS');
	});
});

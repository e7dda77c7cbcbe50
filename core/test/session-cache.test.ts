import { vendorTest } from './helpers/vendor-test.js';
import { startKernel } from './helpers/kernel.js';
import { api, errorCode } from './helpers/http.js';
import { twoInstancesTest, until } from './helpers/two-instances.js';

// A session cookie's session is remembered as live once read, so a browser's requests cost no
// session query each. Whatever ends the session must still refuse the cookie on the very next
// request: logging out, refreshing (the old session is rotated away), suspending the user.

const password = 'a session user password long enough';

/** A POST whose set-cookie headers the test sees. */
async function post(url: string, path: string, body: unknown, headers: Record<string, string> = {}) {
	const response = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
	return { status: response.status, cookies: response.headers.getSetCookie() };
}

/** Signs in in session mode and answers the `cookie` header a browser would send back. */
async function sessionCookie(url: string, email: string): Promise<string> {
	const login = await post(url, '/auth/login', { email, password, mode: 'session' });
	if (login.status !== 200) throw new Error(`login answered ${login.status}`);
	const line = login.cookies.find((cookie) => cookie.startsWith('directus_session_token='));
	if (!line) throw new Error('no session cookie');
	return line.split(';')[0]!;
}

async function me(url: string, cookie: string) {
	const response = await fetch(`${url}/users/me?fields=email`, { headers: { cookie } });
	const text = await response.text();
	return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** A user of a role with admin access, so that `/users/me` answers whatever the permissions. */
async function createSessionUser(url: string, email: string): Promise<string> {
	const role = (await api(url, 'POST', '/roles', { name: `Session role ${email}` })).body.data.id;
	const policy = (await api(url, 'POST', '/policies', { name: `Session policy ${email}`, admin_access: true, app_access: true })).body.data.id;
	await api(url, 'POST', '/access', { role, policy });
	const user = await api(url, 'POST', '/users', { email, password, status: 'active', role });
	if (user.status !== 200) throw new Error(JSON.stringify(user.body));
	return user.body.data.id;
}

/** Several requests with the cookie, so the session is certainly remembered as live. */
async function warm(t: { deepEqual: (actual: unknown, expected: unknown, message?: string) => void }, url: string, cookie: string, email: string) {
	for (let i = 0; i < 3; i++) t.deepEqual(await me(url, cookie), { status: 200, body: { data: { email } } }, 'the cookie works');
}

vendorTest('a session cookie is refused on the very next request after logout, after a refresh and once its user is suspended', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		const email = 'session-user@example.com';
		const user = await createSessionUser(url, email);

		const loggedOut = await sessionCookie(url, email);
		await warm(t, url, loggedOut, email);
		t.is((await post(url, '/auth/logout', { mode: 'session' }, { cookie: loggedOut })).status, 204);
		const afterLogout = await me(url, loggedOut);
		t.is(afterLogout.status, 401, 'logout ends the session at once');
		t.is(errorCode(afterLogout), 'INVALID_CREDENTIALS');

		const rotated = await sessionCookie(url, email);
		await warm(t, url, rotated, email);
		const refreshed = await post(url, '/auth/refresh', { mode: 'session' }, { cookie: rotated });
		t.is(refreshed.status, 200);
		const successor = refreshed.cookies.find((cookie) => cookie.startsWith('directus_session_token='))!.split(';')[0]!;
		t.is((await me(url, rotated)).status, 401, 'the session the refresh replaced is over at once');
		t.deepEqual(await me(url, successor), { status: 200, body: { data: { email } } }, 'the new session works');

		await warm(t, url, successor, email);
		t.is((await api(url, 'PATCH', `/users/${user}`, { status: 'suspended' })).status, 200);
		t.is((await me(url, successor)).status, 401, 'a suspended user is out at once');
		t.is((await api(url, 'PATCH', `/users/${user}`, { status: 'active' })).status, 200);
		t.deepEqual(await me(url, successor), { status: 200, body: { data: { email } } }, 'and back once active again');
	} finally {
		await stop();
	}
});

twoInstancesTest('a session ended on one instance is refused by the other, which had it remembered as live', async (t, a, b) => {
	const email = 'two-instance-session@example.com';
	await createSessionUser(a.url, email);
	const cookie = await sessionCookie(a.url, email);
	await warm(t, b.url, cookie, email);
	t.is((await post(a.url, '/auth/logout', { mode: 'session' }, { cookie })).status, 204);
	t.true(await until(async () => (await me(b.url, cookie)).status === 401), 'B forgets the session A ended');
	t.is((await me(a.url, cookie)).status, 401);
});

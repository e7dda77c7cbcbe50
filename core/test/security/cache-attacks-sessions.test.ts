import { vendorTest } from '../helpers/vendor-test.js';
import { startKernel } from '../helpers/kernel.js';
import { api, errorCode } from '../helpers/http.js';

// Attacks on the live-session cache: a session cookie's session is remembered once read, so
// whatever ends the session or changes who its user is must hold from the very next request, on
// this instance, whether the user does it or an administrator does. (Logout, refresh and
// suspension are covered by session-cache.test.ts.)

const password = 'an attacker-proof password, long enough';

async function sessionCookie(url: string, email: string, secret = password): Promise<string> {
	const response = await fetch(`${url}/auth/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email, password: secret, mode: 'session' }),
	});
	if (response.status !== 200) throw new Error(`login answered ${response.status}`);
	const line = response.headers.getSetCookie().find((cookie) => cookie.startsWith('directus_session_token='));
	if (!line) throw new Error('no session cookie');
	return line.split(';')[0]!;
}

async function call(url: string, method: string, path: string, cookie: string, body?: unknown) {
	const headers: Record<string, string> = { cookie };
	if (body !== undefined) headers['content-type'] = 'application/json';
	const response = await fetch(`${url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
	const text = await response.text();
	return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function role(url: string, name: string, admin: boolean): Promise<string> {
	const id = (await api(url, 'POST', '/roles', { name })).body.data.id;
	const policy = (await api(url, 'POST', '/policies', { name: `${name} policy`, admin_access: admin, app_access: true })).body.data.id;
	await api(url, 'POST', '/access', { role: id, policy });
	return id;
}

async function user(url: string, email: string, roleId: string): Promise<string> {
	const made = await api(url, 'POST', '/users', { email, password, status: 'active', role: roleId });
	if (made.status !== 200) throw new Error(JSON.stringify(made.body));
	return made.body.data.id;
}

/** Several reads with the cookie, so its session is certainly remembered as live. */
async function warm(t: { is: (a: unknown, b: unknown, m?: string) => void }, url: string, cookie: string) {
	for (let i = 0; i < 3; i++) t.is((await call(url, 'GET', '/users/me?fields=id', cookie)).status, 200, 'the cookie works');
}

vendorTest('a remembered session ends on the next request once its password changes, by its own user or by an administrator', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		const admins = await role(url, 'Session admins', true);
		await user(url, 'self@example.com', admins);
		const stolen = await sessionCookie(url, 'self@example.com');
		const own = await sessionCookie(url, 'self@example.com');
		await warm(t, url, stolen);
		await warm(t, url, own);
		const changed = await call(url, 'PATCH', '/users/me', own, { password: 'the owner chose a new one, long' });
		t.is(changed.status, 200, JSON.stringify(changed.body));
		t.is((await call(url, 'GET', '/users/me?fields=id', stolen)).status, 401, 'the other session is out');
		t.is((await call(url, 'GET', '/users/me?fields=id', own)).status, 401, 'so is the one that changed it: every session of the old password ends');

		const victim = await user(url, 'victim@example.com', admins);
		const cookie = await sessionCookie(url, 'victim@example.com');
		await warm(t, url, cookie);
		t.is((await api(url, 'PATCH', `/users/${victim}`, { password: 'reset by an administrator, long' })).status, 200);
		const refused = await call(url, 'GET', '/users/me?fields=id', cookie);
		t.deepEqual([refused.status, errorCode(refused)], [401, 'INVALID_CREDENTIALS']);
		t.is((await sessionCookie(url, 'victim@example.com', 'reset by an administrator, long')).length > 0, true, 'the new password signs in');
	} finally {
		await stop();
	}
});

vendorTest("a remembered session takes its user's new role, and a deleted user's end, from the next request", async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		const admins = await role(url, 'Was admin', true);
		const nobody = await role(url, 'Nobody', false);
		const id = await user(url, 'demoted@example.com', admins);
		const cookie = await sessionCookie(url, 'demoted@example.com');
		await warm(t, url, cookie);
		t.is((await call(url, 'GET', '/roles?fields=id', cookie)).status, 200, 'an admin reads roles');
		t.is((await api(url, 'PATCH', `/users/${id}`, { role: nobody })).status, 200);
		t.is(errorCode(await call(url, 'GET', '/roles?fields=id', cookie)), 'FORBIDDEN', 'demoted at once');
		t.is(errorCode(await call(url, 'POST', '/roles', cookie, { name: 'Sneaky' })), 'FORBIDDEN');

		const other = await user(url, 'deleted@example.com', admins);
		const gone = await sessionCookie(url, 'deleted@example.com');
		await warm(t, url, gone);
		t.is((await api(url, 'DELETE', `/users/${other}`)).status, 204);
		t.is((await call(url, 'GET', '/users/me?fields=id', gone)).status, 401, 'a deleted user is out');
	} finally {
		await stop();
	}
});

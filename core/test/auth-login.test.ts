import { SignJWT } from 'jose';
import { vendorTest } from './helpers/vendor-test.js';
import { startKernel, adminToken } from './helpers/kernel.js';
import { api, errorCode } from './helpers/http.js';

const secret = 'a-test-secret-that-is-long-enough';
const admin = { email: 'admin@example.com', password: 'correct horse battery' };

/** A POST whose cookies and set-cookie headers the test sees. */
async function post(url: string, path: string, body: unknown, headers: Record<string, string> = {}) {
	const response = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
	const text = await response.text();
	return { status: response.status, body: text ? JSON.parse(text) : undefined, cookies: response.headers.getSetCookie() };
}

function cookieValue(cookies: string[], name: string): string | undefined {
	const line = cookies.find((cookie) => cookie.startsWith(`${name}=`));
	return line ? decodeURIComponent(line.slice(name.length + 1).split(';')[0]!) : undefined;
}

function sign(payload: Record<string, unknown>, key: string, expiresAt: number) {
	return new SignJWT(payload)
		.setProtectedHeader({ alg: 'HS256' })
		.setIssuer('mantle')
		.setIssuedAt()
		.setExpirationTime(expiresAt)
		.sign(new TextEncoder().encode(key));
}

vendorTest('login in json mode returns tokens that identify the user; the static token still works', async (t, db) => {
	const running = await startKernel(db);
	try {
		const login = await post(running.url, '/auth/login', admin);
		t.is(login.status, 200);
		t.is(typeof login.body.data.access_token, 'string');
		t.is(typeof login.body.data.refresh_token, 'string');
		t.is(login.body.data.expires, 15 * 60 * 1000);
		t.deepEqual(login.cookies, []);

		const me = await api(running.url, 'GET', '/users/me', undefined, login.body.data.access_token);
		t.is(me.status, 200);
		t.is(me.body.data.email, admin.email);
		// Secrets read as a mask (or null when unset), never as the stored value.
		t.is(me.body.data.password, '**********');
		t.is(me.body.data.token, '**********');
		t.is(me.body.data.tfa_secret, null);

		const viaStatic = await api(running.url, 'GET', '/users/me', undefined, adminToken);
		t.is(viaStatic.body.data.email, admin.email);
		const viaQuery = await fetch(`${running.url}/users/me?access_token=${login.body.data.access_token}`);
		t.is(viaQuery.status, 200);

		// Directus clients expect 401 here (issue #12), not the 403 of a missing permission.
		const anonymous = await api(running.url, 'GET', '/users/me', undefined, null);
		t.is(anonymous.status, 401);
		t.is(errorCode(anonymous), 'INVALID_CREDENTIALS');

		const stored = await db.knex('mantle_sessions').select('token');
		t.is(stored.length, 1);
		t.not(stored[0].token, login.body.data.refresh_token, 'the raw refresh token is never stored');
	} finally {
		await running.stop();
	}
});

vendorTest('wrong passwords and unknown emails answer alike', async (t, db) => {
	const running = await startKernel(db);
	try {
		const wrong = await post(running.url, '/auth/login', { email: admin.email, password: 'nope' });
		const unknown = await post(running.url, '/auth/login', { email: 'nobody@example.com', password: 'nope' });
		t.is(wrong.status, 401);
		t.deepEqual(wrong.body, unknown.body);
		t.is(wrong.body.errors[0].extensions.code, 'INVALID_CREDENTIALS');
		const missing = await post(running.url, '/auth/login', { email: admin.email });
		t.is(missing.status, 400);
	} finally {
		await running.stop();
	}
});

vendorTest('login in cookie mode sets an httpOnly refresh cookie and refreshes from it', async (t, db) => {
	const running = await startKernel(db);
	try {
		const login = await post(running.url, '/auth/login', { ...admin, mode: 'cookie' });
		t.is(login.status, 200);
		t.is(login.body.data.refresh_token, undefined);
		t.is(typeof login.body.data.access_token, 'string');
		const refreshCookie = cookieValue(login.cookies, 'directus_refresh_token');
		t.truthy(refreshCookie);
		t.regex(login.cookies[0]!, /HttpOnly/);

		const refreshed = await post(running.url, '/auth/refresh', { mode: 'cookie' }, { cookie: `directus_refresh_token=${refreshCookie}` });
		t.is(refreshed.status, 200);
		const rotated = cookieValue(refreshed.cookies, 'directus_refresh_token');
		t.truthy(rotated);
		t.not(rotated, refreshCookie);
	} finally {
		await running.stop();
	}
});

vendorTest('login in session mode sets a session cookie that authenticates and ends at logout', async (t, db) => {
	const running = await startKernel(db);
	try {
		const login = await post(running.url, '/auth/login', { ...admin, mode: 'session' });
		t.is(login.status, 200);
		t.deepEqual(Object.keys(login.body.data), ['expires']);
		const session = cookieValue(login.cookies, 'directus_session_token');
		t.truthy(session);
		const cookie = `directus_session_token=${session}`;

		const me = await fetch(`${running.url}/users/me`, { headers: { cookie } });
		t.is(me.status, 200);
		t.is(((await me.json()) as { data: { email: string } }).data.email, admin.email);

		const refreshed = await post(running.url, '/auth/refresh', { mode: 'session' }, { cookie });
		t.is(refreshed.status, 200);
		const next = cookieValue(refreshed.cookies, 'directus_session_token');
		t.truthy(next);
		const nextCookie = `directus_session_token=${next}`;
		t.is((await fetch(`${running.url}/users/me`, { headers: { cookie: nextCookie } })).status, 200);

		const logout = await post(running.url, '/auth/logout', { mode: 'session' }, { cookie: nextCookie });
		t.is(logout.status, 204);
		t.true(logout.cookies.some((line) => line.startsWith('directus_session_token=;')));
		const after = await fetch(`${running.url}/users/me`, { headers: { cookie: nextCookie } });
		t.is(after.status, 401);
	} finally {
		await running.stop();
	}
});

vendorTest('refresh rotates the token; reusing a rotated token is refused and ends the session', async (t, db) => {
	// Without the grace window for simultaneous refreshes, which the conformance suite covers.
	const running = await startKernel(db, { REFRESH_TOKEN_REUSE_GRACE: '0' });
	try {
		const login = await post(running.url, '/auth/login', admin);
		const first = login.body.data.refresh_token;
		const refreshed = await post(running.url, '/auth/refresh', { refresh_token: first });
		t.is(refreshed.status, 200);
		const second = refreshed.body.data.refresh_token;
		t.not(second, first);
		t.is((await api(running.url, 'GET', '/users/me', undefined, refreshed.body.data.access_token)).status, 200);

		const reuse = await post(running.url, '/auth/refresh', { refresh_token: first });
		t.is(reuse.status, 401);
		t.is(reuse.body.errors[0].extensions.code, 'INVALID_CREDENTIALS');
		const afterTheft = await post(running.url, '/auth/refresh', { refresh_token: second });
		t.is(afterTheft.status, 401, 'the newer token stops working too');

		const again = await post(running.url, '/auth/login', admin);
		const logout = await post(running.url, '/auth/logout', { refresh_token: again.body.data.refresh_token });
		t.is(logout.status, 204);
		const afterLogout = await post(running.url, '/auth/refresh', { refresh_token: again.body.data.refresh_token });
		t.is(afterLogout.status, 401);
		const remaining = await db.knex('mantle_sessions').count({ count: '*' }).first();
		t.is(Number(remaining?.count), 0, 'no session is left');
	} finally {
		await running.stop();
	}
});

vendorTest('expired, tampered, unsigned and foreign JWTs are refused with 401', async (t, db) => {
	const running = await startKernel(db);
	try {
		const login = await post(running.url, '/auth/login', admin);
		const token: string = login.body.data.access_token;
		const [header, payload, signature] = token.split('.') as [string, string, string];
		const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());

		const expired = await sign({ ...claims, exp: undefined }, secret, Math.floor(Date.now() / 1000) - 60);
		const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, admin_access: true, id: '00000000-0000-4000-8000-000000000000' })).toString('base64url')}.${signature}`;
		const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
		const foreign = await sign({ ...claims, exp: undefined }, 'another-secret-that-is-long-enough', Math.floor(Date.now() / 1000) + 600);

		const cases: Array<[string, string, string]> = [
			['expired', expired, 'TOKEN_EXPIRED'],
			['tampered', tampered, 'INVALID_CREDENTIALS'],
			['alg none', unsigned, 'INVALID_CREDENTIALS'],
			['wrong secret', foreign, 'INVALID_CREDENTIALS'],
			['garbage', 'aaaa.bbbb.cccc', 'INVALID_CREDENTIALS'],
			['unknown static token', 'not-a-known-static-token', 'INVALID_CREDENTIALS'],
		];
		for (const [label, bad, code] of cases) {
			const response = await api(running.url, 'GET', '/users/me', undefined, bad);
			t.is(response.status, 401, label);
			t.is(errorCode(response), code, label);
		}
	} finally {
		await running.stop();
	}
});

vendorTest('an access token lives ACCESS_TOKEN_TTL and then answers TOKEN_EXPIRED', async (t, db) => {
	// Long enough that the first call lands inside the lifetime even on a loaded machine.
	const running = await startKernel(db, { ACCESS_TOKEN_TTL: '15s' });
	try {
		const login = await post(running.url, '/auth/login', admin);
		t.is(login.body.data.expires, 15_000);
		const token: string = login.body.data.access_token;
		const { exp } = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { exp: number };
		t.true(exp * 1000 - Date.now() <= 16_000, 'the token ends within its lifetime');
		t.is((await api(running.url, 'GET', '/users/me', undefined, token)).status, 200);
		await new Promise((resolve) => setTimeout(resolve, Math.max(0, exp * 1000 - Date.now()) + 1100));
		const late = await api(running.url, 'GET', '/users/me', undefined, token);
		t.is(late.status, 401);
		t.is(errorCode(late), 'TOKEN_EXPIRED');
	} finally {
		await running.stop();
	}
});

import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { vendorTest } from '../helpers/vendor-test.js';
import { startKernel } from '../helpers/kernel.js';
import { api, errorCode, type ApiResponse } from '../helpers/http.js';
import { hashPassword } from '../../src/auth/passwords.js';

/**
 * Finding 9 of the security review: account state must not show through the login answer, and
 * failed logins must not become a way for strangers to shut an account (the first admin's
 * included) out for good. Finding 7: a password change ends the user's other sessions.
 */

const admin = { email: 'admin@example.com', password: 'correct horse battery' };

function login(url: string, body: Record<string, unknown>): Promise<ApiResponse> {
	return api(url, 'POST', '/auth/login', body, null);
}

async function addUser(knex: Knex, email: string, password: string, status = 'active'): Promise<string> {
	const role = randomUUID();
	const policy = randomUUID();
	await knex('mantle_roles').insert({ id: role, name: `Role ${email}` });
	await knex('mantle_policies').insert({ id: policy, name: `Policy ${email}`, app_access: true, admin_access: false });
	await knex('mantle_access').insert({ id: randomUUID(), role, policy });
	const id = randomUUID();
	await knex('mantle_users').insert({ id, email, password: await hashPassword(password), role, status });
	return id;
}

/** The parts of a refusal a caller can see, to compare two refusals. */
function refusal(response: ApiResponse) {
	return { status: response.status, body: response.body };
}

vendorTest('a suspended account answers a right and a wrong password exactly like an unknown one', async (t, db) => {
	const running = await startKernel(db);
	try {
		await addUser(db.knex, 'suspended@example.com', 'the right password', 'suspended');
		await addUser(db.knex, 'active@example.com', 'the right password');
		const wrong = refusal(await login(running.url, { email: 'active@example.com', password: 'wrong' }));
		t.deepEqual(wrong, { status: 401, body: { errors: [{ message: 'Invalid user credentials.', extensions: { code: 'INVALID_CREDENTIALS' } }] } });
		t.deepEqual(refusal(await login(running.url, { email: 'suspended@example.com', password: 'the right password' })), wrong);
		t.deepEqual(refusal(await login(running.url, { email: 'suspended@example.com', password: 'wrong' })), wrong);
		t.deepEqual(refusal(await login(running.url, { email: 'nobody@example.com', password: 'wrong' })), wrong);
	} finally {
		await running.stop();
	}
});

vendorTest('failed logins lock the account only for the cool-down: it is never suspended, and logs in again once it has passed', async (t, db) => {
	const running = await startKernel(db, { LOGIN_ATTEMPTS: '3', LOGIN_LOCKOUT_DURATION: '2' });
	try {
		for (let i = 0; i < 3; i += 1) t.is(errorCode(await login(running.url, { email: admin.email, password: `guess ${i}` })), 'INVALID_CREDENTIALS');
		const locked = await login(running.url, admin);
		t.is(locked.status, 401, 'the right password waits for the cool-down');
		t.is(errorCode(locked), 'INVALID_CREDENTIALS');
		const row = await db.knex('mantle_users').select('status').where({ email: admin.email }).first();
		t.is(row.status, 'active', 'the first admin is never suspended by strangers');
		// The cool-down is two seconds: poll until the admin gets in, with a deadline well past it.
		const deadline = Date.now() + 15_000;
		let response = locked;
		while (response.status !== 200 && Date.now() < deadline) {
			await new Promise((resolve) => setTimeout(resolve, 250));
			response = await login(running.url, admin);
		}
		t.is(response.status, 200, 'the admin logs in once the cool-down has passed');
	} finally {
		await running.stop();
	}
});

vendorTest('failures from one address across many accounts lock that address for the cool-down', async (t, db) => {
	const running = await startKernel(db, { LOGIN_ATTEMPTS_PER_ADDRESS: '4', LOGIN_ATTEMPTS: '100' });
	try {
		await addUser(db.knex, 'victim@example.com', 'the right password');
		for (let i = 0; i < 4; i += 1) t.is((await login(running.url, { email: `user${i}@example.com`, password: 'guess' })).status, 401);
		const blocked = await login(running.url, { email: 'victim@example.com', password: 'the right password' });
		t.is(blocked.status, 401);
		t.is(errorCode(blocked), 'INVALID_CREDENTIALS');
	} finally {
		await running.stop();
	}
});

vendorTest('/auth/* has its own request budget, on by default, apart from RATE_LIMITER_*', async (t, db) => {
	const running = await startKernel(db, { RATE_LIMITER_AUTH_POINTS: '5', RATE_LIMITER_AUTH_DURATION: '3600' });
	try {
		const statuses: number[] = [];
		for (let i = 0; i < 6; i += 1) statuses.push((await login(running.url, { email: 'nobody@example.com', password: 'x' })).status);
		t.deepEqual(statuses, [401, 401, 401, 401, 401, 429]);
		const over = await login(running.url, admin);
		t.is(errorCode(over), 'REQUESTS_EXCEEDED');
		t.is((await fetch(`${running.url}/server/ping`)).status, 200, 'the rest of the API keeps its own (global) budget');
	} finally {
		await running.stop();
	}
});

vendorTest('a password change, by the user or by an admin, ends the other sessions of that user', async (t, db) => {
	const running = await startKernel(db);
	try {
		const id = await addUser(db.knex, 'changer@example.com', 'first password');
		const first = (await login(running.url, { email: 'changer@example.com', password: 'first password' })).body.data;
		const second = (await login(running.url, { email: 'changer@example.com', password: 'first password' })).body.data;

		const byAdmin = await api(running.url, 'PATCH', `/users/${id}`, { password: 'second password' });
		t.true(byAdmin.status < 300, JSON.stringify(byAdmin.body));
		for (const session of [first, second]) {
			const refreshed = await api(running.url, 'POST', '/auth/refresh', { refresh_token: session.refresh_token }, null);
			t.is(refreshed.status, 401, 'a session opened with the old password is over');
		}
		t.is((await login(running.url, { email: 'changer@example.com', password: 'second password' })).status, 200);

		const other = (await login(running.url, { email: 'changer@example.com', password: 'second password' })).body.data;
		const current = (await login(running.url, { email: 'changer@example.com', password: 'second password' })).body.data;
		const bySelf = await api(running.url, 'PATCH', '/users/me', { password: 'third password' }, current.access_token);
		t.true(bySelf.status < 300, JSON.stringify(bySelf.body));
		t.is((await api(running.url, 'POST', '/auth/refresh', { refresh_token: other.refresh_token }, null)).status, 401, 'the other session is over');
		t.is(
			await db
				.knex('mantle_sessions')
				.where({ user: id })
				.count({ n: '*' })
				.first()
				.then((row) => Number(row?.n)),
			0,
		);
	} finally {
		await running.stop();
	}
});

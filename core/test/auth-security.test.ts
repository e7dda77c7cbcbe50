import { randomUUID } from 'node:crypto';
import test from 'ava';
import { Redis } from 'ioredis';
import { Secret, TOTP } from 'otpauth';
import { vendorTest } from './helpers/vendor-test.js';
import { startKernel } from './helpers/kernel.js';
import { api, errorCode } from './helpers/http.js';
import { createTestDatabase, serviceSkipReason } from './helpers/databases.js';
import { hashPassword } from '../src/auth/passwords.js';

const admin = { email: 'admin@example.com', password: 'correct horse battery' };

async function login(url: string, body: Record<string, unknown>) {
	return api(url, 'POST', '/auth/login', body, null);
}

/** A second, ordinary user with its own role and policy, for tests that change them. */
async function addUser(knex: import('knex').Knex, email: string, password: string, policy: Record<string, unknown> = {}) {
	const role = randomUUID();
	const policyId = randomUUID();
	await knex('mantle_roles').insert({ id: role, name: `Role ${email}` });
	await knex('mantle_policies').insert({ id: policyId, name: `Policy ${email}`, app_access: true, admin_access: false, ...policy });
	await knex('mantle_access').insert({ id: randomUUID(), role, policy: policyId });
	const id = randomUUID();
	await knex('mantle_users').insert({ id, email, password: await hashPassword(password), role, status: 'active' });
	return { id, role, policy: policyId };
}

async function hammer(url: string, times: number) {
	const responses = [];
	for (let i = 0; i < times; i += 1) responses.push(await fetch(`${url}/server/ping`));
	return responses;
}

/** The rate limiter on, allowing five requests per 30 seconds. */
const fivePerWindow = { RATE_LIMITER_ENABLED: 'true', RATE_LIMITER_POINTS: '5', RATE_LIMITER_DURATION: '30' };

test('the rate limiter answers the request over the limit with 429 REQUESTS_EXCEEDED and Retry-After (memory store)', async (t) => {
	const db = await createTestDatabase('sqlite');
	const running = await startKernel(db, fivePerWindow);
	try {
		const responses = await hammer(running.url, 6);
		t.deepEqual(
			responses.slice(0, 5).map((r) => r.status),
			[200, 200, 200, 200, 200],
		);
		const over = responses[5]!;
		t.is(over.status, 429);
		t.true(Number(over.headers.get('retry-after')) >= 1);
		const body = (await over.json()) as { errors: Array<{ extensions: { code: string } }> };
		t.is(body.errors[0]!.extensions.code, 'REQUESTS_EXCEEDED');
	} finally {
		await running.stop();
		await db.drop();
	}
});

const redisSkip = await serviceSkipReason(6379, 'Redis at 127.0.0.1:6379');
(redisSkip ? test.skip : test)('the rate limiter counts in Redis with the redis store', async (t) => {
	const db = await createTestDatabase('sqlite');
	const prefix = `mantle-test-rl-${randomUUID()}`;
	const redis = new Redis('redis://127.0.0.1:6379');
	const running = await startKernel(db, { ...fivePerWindow, REDIS: 'redis://127.0.0.1:6379', RATE_LIMITER_STORE: 'redis', RATE_LIMITER_KEY_PREFIX: prefix });
	try {
		const responses = await hammer(running.url, 6);
		t.is(responses[5]!.status, 429);
		t.true(Number(responses[5]!.headers.get('retry-after')) >= 1);
		const keys = await redis.keys(`${prefix}*`);
		t.is(keys.length, 1, 'the counter lives in Redis');
		t.is(Number(await redis.get(keys[0]!)), 6);
	} finally {
		await running.stop();
		const keys = await redis.keys(`${prefix}*`);
		if (keys.length > 0) await redis.del(...keys);
		redis.disconnect();
		await db.drop();
	}
});

vendorTest('LOGIN_ATTEMPTS failed logins lock the account for a cool-down, during which even the right password is refused like a wrong one', async (t, db) => {
	const running = await startKernel(db, { LOGIN_ATTEMPTS: '3' });
	try {
		const user = await addUser(db.knex, 'guesser@example.com', 'the right password');
		t.is((await login(running.url, { email: 'guesser@example.com', password: 'wrong' })).status, 401);
		t.is((await login(running.url, { email: 'guesser@example.com', password: 'the right password' })).status, 200, 'a success resets the count');
		for (let i = 0; i < 3; i += 1) t.is(errorCode(await login(running.url, { email: 'guesser@example.com', password: 'wrong' })), 'INVALID_CREDENTIALS');
		const row = await db.knex('mantle_users').select('status').where({ id: user.id }).first();
		t.is(row.status, 'active', 'the account is cooling down, not suspended');
		const right = await login(running.url, { email: 'guesser@example.com', password: 'the right password' });
		t.is(right.status, 401);
		t.is(errorCode(right), 'INVALID_CREDENTIALS');
	} finally {
		await running.stop();
	}
});

vendorTest('two-factor authentication: generate, enable with a code, then logins need the OTP until it is disabled', async (t, db) => {
	const running = await startKernel(db);
	try {
		const token = (await login(running.url, admin)).body.data.access_token;
		const wrongPassword = await api(running.url, 'POST', '/users/me/tfa/generate', { password: 'nope' }, token);
		t.is(wrongPassword.status, 401);
		const generated = await api(running.url, 'POST', '/users/me/tfa/generate', { password: admin.password }, token);
		t.is(generated.status, 200);
		t.regex(generated.body.data.otpauth_url, /^otpauth:\/\/totp\//);
		const totp = new TOTP({ secret: Secret.fromBase32(generated.body.data.secret), digits: 6, period: 30 });

		const badEnable = await api(
			running.url,
			'POST',
			'/users/me/tfa/enable',
			{ secret: generated.body.data.secret, otp: '000000' === totp.generate() ? '111111' : '000000' },
			token,
		);
		t.is(errorCode(badEnable), 'INVALID_OTP');
		const enabled = await api(running.url, 'POST', '/users/me/tfa/enable', { secret: generated.body.data.secret, otp: totp.generate() }, token);
		t.is(enabled.status, 204);

		const withoutOtp = await login(running.url, admin);
		t.is(withoutOtp.status, 401);
		t.is(errorCode(withoutOtp), 'INVALID_OTP');
		t.regex(withoutOtp.body.errors[0].message, /OTP/);
		const wrongOtp = await login(running.url, { ...admin, otp: totp.generate() === '123456' ? '654321' : '123456' });
		t.is(errorCode(wrongOtp), 'INVALID_OTP');
		const withOtp = await login(running.url, { ...admin, otp: totp.generate() });
		t.is(withOtp.status, 200);

		const disabled = await api(running.url, 'POST', '/users/me/tfa/disable', { otp: totp.generate() }, withOtp.body.data.access_token);
		t.is(disabled.status, 204);
		t.is((await login(running.url, admin)).status, 200);
	} finally {
		await running.stop();
	}
});

vendorTest('a policy ip_access that excludes the caller refuses login and requests with INVALID_IP', async (t, db) => {
	const running = await startKernel(db);
	try {
		await addUser(db.knex, 'office@example.com', 'office password', { ip_access: '10.0.0.0/8, 192.168.1.7' });
		const refused = await login(running.url, { email: 'office@example.com', password: 'office password' });
		t.is(refused.status, 401);
		t.is(errorCode(refused), 'INVALID_IP');

		const allowed = await addUser(db.knex, 'local@example.com', 'local password', { ip_access: '127.0.0.0/8,::1' });
		const ok = await login(running.url, { email: 'local@example.com', password: 'local password' });
		t.is(ok.status, 200);
		t.is((await api(running.url, 'GET', '/users/me', undefined, ok.body.data.access_token)).status, 200);

		// Narrowed after login: every request is checked, once the identity cache is told.
		await db.knex('mantle_policies').where({ id: allowed.policy }).update({ ip_access: '10.1.2.3' });
		running.kernel.authenticator.invalidate();
		const later = await api(running.url, 'GET', '/users/me', undefined, ok.body.data.access_token);
		t.is(later.status, 401);
		t.is(errorCode(later), 'INVALID_IP');
	} finally {
		await running.stop();
	}
});

import { vendorTest } from './helpers/vendor-test.js';
import { startKernel } from './helpers/kernel.js';
import { api, errorCode } from './helpers/http.js';
import { startSmtpServer } from './helpers/smtp.js';

const login = (url: string, email: string, password: string) => api(url, 'POST', '/auth/login', { email, password }, null);

vendorTest('users: created through the API with a hashed password that reads as a mask; /users/me reads and edits oneself', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		const role = (await api(url, 'POST', '/roles', { name: 'Editor' })).body.data.id;
		const created = await api(url, 'POST', '/users?fields=id,email,password,role', {
			email: 'eve@example.com',
			password: 'eve password 1',
			role,
			status: 'active',
		});
		t.is(created.status, 200, JSON.stringify(created.body));
		t.like(created.body.data, { email: 'eve@example.com', password: '**********', role });
		t.regex((await db.knex('mantle_users').where({ email: 'eve@example.com' }).first('password')).password, /^\$argon2id\$/);
		t.is(errorCode(await api(url, 'GET', '/users?filter[password][_starts_with]=$argon')), 'FORBIDDEN', 'no guessing a hash through filters');
		t.deepEqual((await api(url, 'GET', '/users?search=argon2&fields=email')).body.data, []);

		const token = (await login(url, 'eve@example.com', 'eve password 1')).body.data.access_token;
		const me = await api(url, 'GET', '/users/me?fields=email,email_notifications,password', undefined, token);
		t.deepEqual(me.body.data, { email: 'eve@example.com', email_notifications: true, password: '**********' });
		t.like((await api(url, 'PATCH', '/users/me?fields=first_name', { first_name: 'Eve' }, token)).body.data, { first_name: 'Eve' });
		t.is(errorCode(await api(url, 'PATCH', '/users/me', { role: null }, token)), 'FORBIDDEN', "no changing one's own role");
		t.is(errorCode(await api(url, 'GET', '/users', undefined, token)), 'FORBIDDEN', 'listing users needs a permission');

		// Sending the mask back, as a form that read the user would, leaves the password alone.
		await api(url, 'PATCH', `/users/${created.body.data.id}`, { password: '**********', last_name: 'Lovelace' });
		t.is((await login(url, 'eve@example.com', 'eve password 1')).status, 200);
		await api(url, 'PATCH', '/users/me', { password: 'eve password 2' }, token);
		t.is((await login(url, 'eve@example.com', 'eve password 1')).status, 401);
		t.is((await login(url, 'eve@example.com', 'eve password 2')).status, 200);
	} finally {
		await stop();
	}
});

vendorTest('registration works only when the project allows it, with its role; invitations arrive by mail and work once', async (t, db) => {
	const smtp = await startSmtpServer();
	const { url, stop } = await startKernel(db, { ...smtp.env, PUBLIC_URL: 'http://mantle.test' });
	try {
		t.is(errorCode(await api(url, 'POST', '/users/register', { email: 'reg@example.com', password: 'registered pw' }, null)), 'FORBIDDEN');
		const role = (await api(url, 'POST', '/roles', { name: 'Member' })).body.data.id;
		const settings = await db.knex('mantle_settings').first('id');
		if (settings) await db.knex('mantle_settings').update({ public_registration: true, public_registration_role: role });
		else await db.knex('mantle_settings').insert({ project_name: 'Mantle', public_registration: true, public_registration_role: role });
		t.is((await api(url, 'POST', '/users/register', { email: 'reg@example.com', password: 'registered pw' }, null)).status, 204);
		t.like(await db.knex('mantle_users').where({ email: 'reg@example.com' }).first('role'), { role });
		t.is((await login(url, 'reg@example.com', 'registered pw')).status, 200);

		t.is((await api(url, 'POST', '/users/invite', { email: 'new@example.com', role })).status, 204);
		const mail = await smtp.next();
		t.deepEqual(mail.to, ['new@example.com']);
		const link = /http:\/\/mantle\.test\/admin\/accept-invite\?token=[\w.-]+/.exec(mail.raw.replace(/=\r?\n/g, ''))?.[0];
		t.truthy(link, 'the mail holds the acceptance link');
		const token = new URL(link!).searchParams.get('token');
		t.is((await login(url, 'new@example.com', 'chosen password')).status, 401, 'an invited user cannot log in yet');
		t.is((await api(url, 'POST', '/users/invite/accept', { token, password: 'chosen password' }, null)).status, 204);
		t.is((await login(url, 'new@example.com', 'chosen password')).status, 200);
		t.not((await api(url, 'POST', '/users/invite/accept', { token, password: 'another one' }, null)).status, 204, 'the link works once');
		t.is(
			errorCode(
				await api(
					url,
					'POST',
					'/users/invite',
					{ email: 'x@example.com', role },
					(await login(url, 'new@example.com', 'chosen password')).body.data.access_token,
				),
			),
			'FORBIDDEN',
		);
	} finally {
		await stop();
		await smtp.close();
	}
});

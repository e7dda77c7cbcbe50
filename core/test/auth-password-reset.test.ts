import { vendorTest } from './helpers/vendor-test.js';
import { startKernel } from './helpers/kernel.js';
import { api, errorCode } from './helpers/http.js';
import { startSmtpServer } from './helpers/smtp.js';

const admin = { email: 'admin@example.com', password: 'correct horse battery' };

/** The reset link's page is allowed, so a request may name it. */
const resetEnv = { PUBLIC_URL: 'http://mantle.test', PASSWORD_RESET_URL_ALLOW_LIST: 'https://app.example.com/reset' };

vendorTest('a mailed reset link sets a new password once; the old password stops working', async (t, db) => {
	const smtp = await startSmtpServer();
	const running = await startKernel(db, { ...smtp.env, ...resetEnv });
	try {
		const requested = await api(running.url, 'POST', '/auth/password/request', { email: admin.email }, null);
		t.is(requested.status, 204);
		const mail = await smtp.next();
		t.deepEqual(mail.to, [admin.email]);
		t.is(mail.from, 'mantle@example.com');
		const link = /http:\/\/mantle\.test\/admin\/reset-password\?token=[\w.-]+/.exec(mail.raw)?.[0];
		t.truthy(link, 'the mail holds a link to the Studio reset page');
		const token = new URL(link!).searchParams.get('token');

		const reset = await api(running.url, 'POST', '/auth/password/reset', { token, password: 'a brand new password' }, null);
		t.is(reset.status, 204);
		const again = await api(running.url, 'POST', '/auth/password/reset', { token, password: 'yet another password' }, null);
		t.is(again.status, 403);
		t.is(errorCode(again), 'INVALID_TOKEN');

		t.is((await api(running.url, 'POST', '/auth/login', admin, null)).status, 401);
		t.is((await api(running.url, 'POST', '/auth/login', { email: admin.email, password: 'a brand new password' }, null)).status, 200);
	} finally {
		await running.stop();
		await smtp.close();
	}
});

vendorTest('a reset for an unknown email answers 204 and sends nothing; a reset_url off the allow list is refused', async (t, db) => {
	const smtp = await startSmtpServer();
	const running = await startKernel(db, { ...smtp.env, ...resetEnv });
	try {
		const unknown = await api(running.url, 'POST', '/auth/password/request', { email: 'nobody@example.com' }, null);
		t.is(unknown.status, 204);
		const foreign = await api(running.url, 'POST', '/auth/password/request', { email: admin.email, reset_url: 'https://evil.example.com/steal' }, null);
		t.is(foreign.status, 400);
		t.is(errorCode(foreign), 'INVALID_PAYLOAD');

		const allowed = await api(running.url, 'POST', '/auth/password/request', { email: admin.email, reset_url: 'https://app.example.com/reset' }, null);
		t.is(allowed.status, 204);
		const mail = await smtp.next();
		t.regex(mail.raw, /https:\/\/app\.example\.com\/reset\?token=/);
		t.is(smtp.mails.length, 1, 'only the allowed request sent mail');
	} finally {
		await running.stop();
		await smtp.close();
	}
});

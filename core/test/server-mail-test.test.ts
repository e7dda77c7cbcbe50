import { randomUUID } from 'node:crypto';
import { vendorTest } from './helpers/vendor-test.js';
import { startKernel } from './helpers/kernel.js';
import { api, errorCode } from './helpers/http.js';
import { startSmtpServer } from './helpers/smtp.js';

vendorTest('POST /server/mail/test mails an admin-chosen address through the configured transport; nobody else may send it', async (t, db) => {
	const smtp = await startSmtpServer();
	const running = await startKernel(db, smtp.env);
	try {
		const sent = await api(running.url, 'POST', '/server/mail/test', { to: 'ops@example.com' });
		t.is(sent.status, 200, JSON.stringify(sent.body));
		t.deepEqual(sent.body.data, { to: 'ops@example.com' });
		const mail = await smtp.next();
		t.deepEqual(mail.to, ['ops@example.com']);
		t.is(mail.from, 'mantle@example.com');
		t.regex(mail.raw, /Subject: Mantle mail test/);

		for (const to of [undefined, '', 'not an address', 'a@example.com, b@example.com', 42]) {
			const refused = await api(running.url, 'POST', '/server/mail/test', { to });
			t.is(refused.status, 400, `to: ${JSON.stringify(to)}`);
			t.is(errorCode(refused), 'INVALID_PAYLOAD');
		}

		const token = `mail-test-user-${randomUUID()}`;
		await db.knex('mantle_users').insert({ id: randomUUID(), email: 'someone@example.com', status: 'active', token });
		t.is(errorCode(await api(running.url, 'POST', '/server/mail/test', { to: 'victim@example.com' }, token)), 'FORBIDDEN');
		t.is(errorCode(await api(running.url, 'POST', '/server/mail/test', { to: 'victim@example.com' }, null)), 'FORBIDDEN');
		t.is(smtp.mails.length, 1, 'only the admin’s message was sent');
	} finally {
		await running.stop();
		await smtp.close();
	}
});

vendorTest('without a mail server configured the mail test answers 503 with the reason', async (t, db) => {
	const running = await startKernel(db, { EMAIL_TRANSPORT: 'smtp' });
	try {
		const response = await api(running.url, 'POST', '/server/mail/test', { to: 'ops@example.com' });
		t.is(response.status, 503);
		t.regex(response.body.errors[0].message, /EMAIL_SMTP_HOST/);
	} finally {
		await running.stop();
	}
});

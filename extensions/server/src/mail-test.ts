import { createError, type MailCapability, type Router } from '@mantle/extensions-sdk';

const address = /^[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+$/;

/**
 * `POST /server/mail/test` `{ to }`: sends one short message through the configured transport, so
 * an admin can check the mail settings from the Studio. Admins only: anyone else could use it to
 * send mail from the project's address.
 */
export function registerMailTest(router: Router, mail: MailCapability): void {
	router.post('/mail/test', async ({ accountability, body }) => {
		if (!accountability.admin) throw createError('FORBIDDEN');
		const to = (body as { to?: unknown } | undefined)?.to;
		if (typeof to !== 'string' || !address.test(to)) throw createError('mailTestAddressInvalid');
		await mail.send({
			to,
			subject: 'Mantle mail test',
			text: 'This message was sent from the Settings page of the Mantle Data Studio to check the mail settings. Nothing else needs doing.',
		});
		return { body: { data: { to } } };
	});
}

import { Secret, TOTP } from 'otpauth';
import { api } from '../../../core/test/helpers/http.js';
import { studioTest } from './helpers/studio.js';

studioTest('the user menu sets up two-factor sign-in with a QR code, and the next sign-in asks for the code', async ({ t, page, login, url }) => {
	await login();
	await page.getByRole('button', { name: 'User menu' }).click();
	const menu = page.getByRole('dialog', { name: /Admin/ });
	await menu.getByLabel('Your password').fill('correct horse battery');
	await menu.getByRole('button', { name: 'Set up two-factor' }).click();
	const qr = menu.getByRole('img', { name: /QR code for otpauth:\/\// });
	await qr.waitFor();
	t.true(await qr.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0), 'the QR code is drawn');
	const secret = await menu.locator('code').innerText();
	const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
	await menu.getByLabel('Code from your authenticator app').fill(totp.generate());
	await menu.getByRole('button', { name: 'Turn on two-factor' }).click();
	await page.getByText('Two-factor authentication is on.').waitFor();
	t.not((await api(url, 'GET', '/users/me?fields=tfa_secret')).body.data.tfa_secret, null);

	await menu.getByRole('button', { name: 'Sign out' }).click();
	await page.getByLabel('Email').fill('admin@example.com');
	await page.getByLabel('Password').fill('correct horse battery');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.getByLabel('One-time password').fill(totp.generate());
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.getByRole('navigation', { name: 'Modules' }).waitFor();
	t.regex(page.url(), /\/admin\/content/, 'signed in with the code');
});

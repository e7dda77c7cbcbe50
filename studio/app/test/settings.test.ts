import test from 'ava';
import { api } from '../../../core/test/helpers/http.js';
import { startSmtpServer, type TestSmtpServer } from '../../../core/test/helpers/smtp.js';
import { studioTest } from './helpers/studio.js';

// A local SMTP server for the mail test; the kernel's environment is filled in once it has a port.
let smtp: TestSmtpServer;
const mailEnv: Record<string, string> = {};
test.before(async () => {
	smtp = await startSmtpServer();
	Object.assign(mailEnv, {
		EMAIL_TRANSPORT: 'smtp',
		EMAIL_SMTP_HOST: '127.0.0.1',
		EMAIL_SMTP_PORT: String(smtp.port),
		EMAIL_SMTP_IGNORE_TLS: 'true',
		EMAIL_FROM: 'mantle@example.com',
	});
});
test.after.always(() => smtp?.close());

studioTest(
	'an admin changes the project name, colour and language on the settings page; the module bar and the API show them',
	async ({ t, page, login, open, url }) => {
		await login();
		await open('/settings/project');
		await page.getByLabel('Project name').fill('Acme Data');
		await page.getByLabel('Project descriptor').fill('Everything Acme knows');
		await page.getByLabel('Project colour').evaluate((input: HTMLInputElement) => {
			input.value = '#12a150';
			input.dispatchEvent(new Event('input', { bubbles: true }));
		});
		await page.getByLabel('Default language').selectOption('de-DE');
		await page.getByLabel('Anyone may sign up').check();
		await page.getByRole('button', { name: 'Save' }).click();
		await page.getByText('Settings saved.').waitFor();

		const project = page.getByRole('navigation', { name: 'Modules' }).locator('a.project');
		t.is(await project.getAttribute('title'), 'Acme Data', 'the module bar shows the new name at once');
		t.is(await project.evaluate((element) => getComputedStyle(element).backgroundColor), 'rgb(18, 161, 80)');
		t.like((await api(url, 'GET', '/settings')).body.data, {
			project_name: 'Acme Data',
			project_descriptor: 'Everything Acme knows',
			project_color: '#12a150',
			default_language: 'de-DE',
			public_registration: true,
		});

		await page.reload();
		t.is(await page.getByLabel('Project name').inputValue(), 'Acme Data', 'the page reads the saved values back');
	},
);

studioTest(
	'the system page shows the server health, tests storage and mail with real round trips; asset presets are saved',
	async ({ t, page, login, open, url }) => {
		await login();
		await open('/settings/system');
		const checks = page.getByRole('table', { name: 'Health checks' });
		await checks.getByRole('cell', { name: /^sqlite:responseTime$/ }).waitFor();
		await page.getByRole('button', { name: 'Test storage' }).click();
		const results = page.getByRole('list', { name: 'Storage test results' });
		t.regex(await results.innerText(), /local: wrote, read back and deleted a file in [\d.]+ ms/);

		t.is(await page.getByLabel('Send a test message to').inputValue(), 'admin@example.com', 'the signed-in admin is the default recipient');
		await page.getByLabel('Send a test message to').fill('ops@example.com');
		await page.getByRole('button', { name: 'Send test mail' }).click();
		await page.getByText('A test message was sent to ops@example.com.').waitFor();
		const mail = await smtp.next();
		t.deepEqual(mail.to, ['ops@example.com']);
		t.regex(mail.raw, /Subject: Mantle mail test/);

		await page.getByRole('link', { name: 'Files & Assets' }).click();
		await page.getByRole('button', { name: 'Add preset' }).click();
		await page.getByLabel('Key').fill('thumb');
		await page.getByLabel('Width').fill('120');
		await page.getByLabel('Height').fill('80');
		await page.getByLabel('Fit').selectOption('contain');
		await page.getByRole('button', { name: 'Save' }).click();
		await page.getByText('Settings saved.').waitFor();
		t.like((await api(url, 'GET', '/settings')).body.data.storage_asset_presets[0], { key: 'thumb', fit: 'contain', width: 120, height: 80 });
	},
	{ env: mailEnv },
);

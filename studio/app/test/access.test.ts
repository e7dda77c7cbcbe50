import test from 'ava';
import { api } from '../../../core/test/helpers/http.js';
import { startSmtpServer } from '../../../core/test/helpers/smtp.js';
import { studioTest } from './helpers/studio.js';

const smtp = await startSmtpServer();
test.after.always(() => smtp.close());

async function ok(response: { status: number; body: any }, what: string) {
	if (response.status >= 300) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
	return response.body?.data;
}

/** Articles with a private note: two published, two drafts. */
async function seedArticles(url: string) {
	await ok(
		await api(url, 'POST', '/collections', {
			collection: 'articles',
			schema: {},
			meta: { display_template: '{{title}}' },
			fields: [
				{ field: 'id', type: 'integer', schema: { is_primary_key: true, has_auto_increment: true }, meta: { hidden: true } },
				{ field: 'title', type: 'string', meta: { interface: 'input', sort: 1 } },
				{ field: 'status', type: 'string', meta: { interface: 'input', sort: 2 } },
				{ field: 'private_note', type: 'string', meta: { interface: 'input', sort: 3 } },
			],
		}),
		'collection',
	);
	await ok(
		await api(url, 'POST', '/items/articles', [
			{ title: 'Open one', status: 'published', private_note: 'secret 1' },
			{ title: 'Hidden draft', status: 'draft', private_note: 'secret 2' },
			{ title: 'Open two', status: 'published', private_note: 'secret 3' },
			{ title: 'Another draft', status: 'draft', private_note: 'secret 4' },
		]),
		'items',
	);
}

studioTest(
	'an admin makes a role whose custom rule hides draft rows and a field; its user sees only what it allows',
	async ({ t, page, login, open, url }) => {
		page.on('dialog', (dialog) => void dialog.accept());
		await login();
		await open('/settings/roles');
		await page.getByLabel('New role name').fill('Reader');
		await page.getByRole('button', { name: 'Create role' }).click();
		await page.waitForURL(/\/admin\/settings\/roles\/[\w-]+$/);
		await page.getByRole('button', { name: 'Create a policy for this role' }).click();
		await page.waitForURL(/\/admin\/settings\/policies\/[\w-]+$/);

		const matrix = page.getByRole('table', { name: 'Permissions' });
		await matrix.getByRole('combobox', { name: 'articles read' }).selectOption('custom');
		const editor = page.getByRole('dialog', { name: 'articles: read' });
		await editor.getByLabel('private_note').uncheck();
		const rule = editor.getByRole('region', { name: 'Item rule' });
		await rule.getByLabel('Field').fill('status');
		await rule.getByLabel('Value').fill('published');
		await rule.getByRole('button', { name: 'Apply filter' }).click();
		await editor.getByRole('button', { name: 'Save permission' }).click();
		await editor.waitFor({ state: 'detached' });
		await matrix.locator('tr[data-collection="articles"] td[data-access="custom"]').waitFor();

		const [permission] = await ok(await api(url, 'GET', '/permissions?filter[collection][_eq]=articles'), 'permissions');
		t.like(permission, { action: 'read', permissions: { status: { _eq: 'published' } } });
		t.false(permission.fields.includes('private_note'), 'the note is left out');

		const [role] = await ok(await api(url, 'GET', '/roles?filter[name][_eq]=Reader'), 'role');
		const user = await ok(await api(url, 'POST', '/users', { email: 'reader@example.com', password: 'reader password 1', role: role.id }), 'user');

		await open(`/settings/effective-permissions?user=${user.id}`);
		const effective = page.getByRole('table', { name: 'Effective permissions' });
		const read = effective.locator('tr[data-collection="articles"] td[data-action="read"]');
		await read.waitFor();
		t.regex(await read.innerText(), /fields: id, status, title; rows: .*published/);
		t.is(await effective.locator('tr[data-collection="articles"] td[data-action="update"]').innerText(), 'none');

		await page.context().clearCookies();
		await page.evaluate(() => localStorage.clear());
		await login('reader@example.com', 'reader password 1');
		await open('/content/articles');
		const table = page.getByRole('table', { name: 'Articles items' });
		await table.locator('tbody tr').first().waitFor();
		t.is(await page.locator('.count').innerText(), '2 items');
		t.deepEqual((await table.locator('tbody td[data-field="title"]').allInnerTexts()).sort(), ['Open one', 'Open two']);
		t.is(await table.locator('td[data-field="private_note"]').count(), 0, 'no note column');
		await table.getByText('Open one').click();
		await page.getByLabel('Title').waitFor();
		t.is(await page.getByLabel('Private note').count(), 0, 'no note in the item form');
	},
	{ seed: seedArticles, viewport: { width: 1400, height: 1000 } },
);

studioTest(
	'the user directory is a table where an admin suspends and reactivates a user and invites one by mail',
	async ({ t, page, login, open, url }) => {
		page.on('dialog', (dialog) => void dialog.accept());
		const role = await ok(await api(url, 'POST', '/roles', { name: 'Writer' }), 'role');
		await ok(await api(url, 'POST', '/users', { email: 'writer@example.com', password: 'writer password 1', role: role.id }), 'user');
		const signIn = () => api(url, 'POST', '/auth/login', { email: 'writer@example.com', password: 'writer password 1' });
		t.is((await signIn()).status, 200);

		await login();
		await open('/users');
		const users = page.getByRole('table', { name: 'Users' });
		const writer = users.locator('tr[data-user="writer@example.com"]');
		await writer.waitFor();
		t.is(await writer.locator('td').nth(2).innerText(), 'Writer', 'the role is shown');
		await writer.getByRole('button', { name: 'Suspend writer@example.com' }).click();
		await writer.locator('td[data-field="status"]', { hasText: 'suspended' }).waitFor();
		t.is((await signIn()).status, 401, 'a suspended user cannot sign in');
		await writer.getByRole('button', { name: 'Reactivate writer@example.com' }).click();
		await writer.locator('td[data-field="status"]', { hasText: 'active' }).waitFor();
		t.is((await signIn()).status, 200, 'and can again once reactivated');

		const invite = page.getByRole('form', { name: 'Invite users' });
		await invite.getByLabel('Invite by email').fill('newcomer@example.com');
		await invite.getByRole('combobox', { name: /^Role/ }).selectOption({ label: 'Writer' });
		await invite.getByRole('button', { name: 'Send invitation' }).click();
		const mail = await smtp.next();
		t.deepEqual(mail.to, ['newcomer@example.com']);
		t.regex(mail.raw, /accept-invite\?token=/);
		await users.locator('tr[data-user="newcomer@example.com"] td[data-field="status"]', { hasText: 'invited' }).waitFor();
	},
	{
		env: {
			EMAIL_TRANSPORT: 'smtp',
			EMAIL_SMTP_HOST: '127.0.0.1',
			EMAIL_SMTP_PORT: String(smtp.port),
			EMAIL_SMTP_IGNORE_TLS: 'true',
			EMAIL_FROM: 'mantle@example.com',
		},
	},
);

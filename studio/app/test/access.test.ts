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
		// A rule typed but not applied is not silently dropped: saving is refused until it is applied.
		await editor.getByRole('button', { name: 'Save permission' }).click();
		await editor.getByRole('alert').filter({ hasText: 'Apply filter' }).waitFor();
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
		const modules = page.getByRole('navigation', { name: 'Modules' });
		await modules.getByRole('link', { name: 'Content' }).waitFor();
		t.is(await modules.getByRole('link', { name: 'Access Control' }).count(), 0, 'admin pages are not offered');
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
		await page.getByRole('dialog', { name: 'Suspend writer@example.com?' }).getByRole('button', { name: 'Suspend' }).click();
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

studioTest(
	'a nested role holds its parent role’s policy; all, none and a custom create with presets and validation set in the matrix are what the API enforces',
	async ({ t, page, login, open, url }) => {
		await login();
		await open('/settings/roles');
		await page.getByLabel('New role name').fill('Editors');
		await page.getByRole('button', { name: 'Create role' }).click();
		await page.waitForURL(/\/admin\/settings\/roles\/[\w-]+$/);
		await page.getByRole('button', { name: 'Create a policy for this role' }).click();
		await page.waitForURL(/\/admin\/settings\/policies\/[\w-]+$/);

		const matrix = page.getByRole('table', { name: 'Permissions' });
		const cell = (name: string) => matrix.getByRole('combobox', { name });
		await cell('articles read').selectOption('all');
		await matrix.locator('tr[data-collection="articles"] td[data-access="all"]').waitFor();
		await cell('articles delete').selectOption('all');
		await matrix.locator('tr[data-collection="articles"] td[data-access="all"]').nth(1).waitFor();
		await cell('articles delete').selectOption('none');
		await matrix.locator('tr[data-collection="articles"] td[data-access="all"]').nth(1).waitFor({ state: 'detached' });

		await cell('articles create').selectOption('custom');
		const editor = page.getByRole('dialog', { name: 'articles: create' });
		const validation = editor.getByRole('region', { name: 'Validation' });
		await validation.getByLabel('Field').fill('title');
		await validation.getByLabel('Operator').selectOption('_starts_with');
		await validation.getByLabel('Value').fill('Draft:');
		await validation.getByRole('button', { name: 'Apply filter' }).click();
		await editor.getByLabel(/^Presets/).fill('{ "status": "draft" }');
		await editor.getByRole('button', { name: 'Save permission' }).click();
		await editor.waitFor({ state: 'detached' });

		await open('/settings/roles');
		await page.getByLabel('New role name').fill('Junior editors');
		await page.getByRole('combobox', { name: /^Parent role/ }).selectOption({ label: 'Editors' });
		await page.getByRole('button', { name: 'Create role' }).click();
		await page.waitForURL(/\/admin\/settings\/roles\/[\w-]+$/);
		const junior = page.url().split('/').pop()!;
		await open('/settings/roles');
		await page.getByRole('treeitem', { name: 'Editors' }).getByRole('treeitem', { name: 'Junior editors' }).waitFor();

		await ok(await api(url, 'POST', '/users', { email: 'junior@example.com', password: 'junior password 1', role: junior }), 'user');
		await open(`/settings/roles/${junior}`);
		await page.getByRole('region', { name: 'Users' }).getByRole('link', { name: 'junior@example.com', exact: true }).waitFor();
		const session = await ok(await api(url, 'POST', '/auth/login', { email: 'junior@example.com', password: 'junior password 1' }, null), 'login');
		const as = (method: string, path: string, body?: unknown) => api(url, method, path, body, session.access_token);
		t.is((await as('GET', '/items/articles')).body.data.length, 4, 'reads every article through the parent role');
		const created = await as('POST', '/items/articles', { title: 'Draft: new' });
		t.is(created.status, 200);
		t.is(created.body.data.status, 'draft', 'the preset fills what the payload leaves out');
		const refused = await as('POST', '/items/articles', { title: 'Not a draft' });
		t.is(refused.status, 400);
		t.is(refused.body.errors[0].extensions.code, 'FAILED_VALIDATION');
		t.is((await as('DELETE', '/items/articles/1')).status, 403, 'delete went back to none');
	},
	{ seed: seedArticles },
);

studioTest('a policy is created with two-factor enforcement and an IP allow-list, and the policies table shows them', async ({ t, page, login, open, url }) => {
	await login();
	await open('/settings/policies');
	await page.getByLabel('New policy name').fill('Office staff');
	await page.getByRole('button', { name: 'Create policy' }).click();
	await page.waitForURL(/\/admin\/settings\/policies\/[\w-]+$/);
	const id = page.url().split('/').pop()!;
	const form = page.getByRole('form', { name: 'Policy' });
	await form.getByLabel('Require two-factor authentication').check();
	await form.getByLabel(/^IP allow-list/).fill('10.0.0.0/8, 192.168.1.7');
	await form.getByLabel('Description').fill('People in the office');
	await form.getByRole('button', { name: 'Save policy' }).click();
	await page.getByRole('status').filter({ hasText: 'Policy saved.' }).waitFor();
	t.like((await api(url, 'GET', `/policies/${id}`)).body.data, {
		name: 'Office staff',
		description: 'People in the office',
		enforce_tfa: true,
		app_access: true,
		admin_access: false,
		ip_access: ['10.0.0.0/8', '192.168.1.7'],
	});
	await open('/settings/policies');
	const row = page.getByRole('table', { name: 'Policies' }).getByRole('row').filter({ hasText: 'Office staff' });
	t.regex(await row.innerText(), /required\s+10\.0\.0\.0\/8, 192\.168\.1\.7/);

	await open('/settings/roles');
	await page.getByRole('link', { name: 'its policy' }).click();
	await page.getByRole('heading', { name: 'Policies / Public' }).waitFor();
	t.false(await page.getByLabel(/^App access/).isChecked(), 'the public policy gives no Studio access');
});

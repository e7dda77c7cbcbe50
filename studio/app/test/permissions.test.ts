import { api } from '../../../core/test/helpers/http.js';
import { studioTest } from './helpers/studio.js';
import { seedBlog } from './helpers/seed.js';

async function ok(response: { status: number; body: any }, what: string) {
	if (response.status >= 300) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
	return response.body.data;
}

/** A reader who may see published articles' titles and status, and nothing else. */
async function seedReader(url: string) {
	await seedBlog(url, { articles: 9 });
	const policy = await ok(await api(url, 'POST', '/policies', { name: 'Readers', app_access: true, admin_access: false }), 'policy');
	const role = await ok(await api(url, 'POST', '/roles', { name: 'Reader' }), 'role');
	await ok(await api(url, 'POST', '/access', { role: role.id, policy: policy.id }), 'access');
	await ok(
		await api(url, 'POST', '/permissions', {
			policy: policy.id,
			collection: 'articles',
			action: 'read',
			fields: ['id', 'title', 'status'],
			permissions: { status: { _eq: 'published' } },
		}),
		'permission',
	);
	await ok(await api(url, 'POST', '/users', { email: 'reader@example.com', password: 'reader password 1', role: role.id }), 'user');
}

studioTest(
	'a user with a limited role sees only the collections, items and fields the role allows',
	async ({ t, page, login, open }) => {
		await login('reader@example.com', 'reader password 1');
		const nav = page.getByRole('navigation', { name: 'Collections' });
		await nav.getByRole('link', { name: 'Articles' }).waitFor();
		t.is(await nav.getByRole('link').count(), 1, 'no authors, tags, notes or site');
		await open('/content/articles');
		const table = page.getByRole('table', { name: 'Articles items' });
		await table.locator('tbody tr').first().waitFor();
		t.is(await page.locator('.count').innerText(), '3 items');
		t.deepEqual(await table.locator('tbody td[data-field="status"]').allInnerTexts(), ['published', 'published', 'published']);
		t.is(await table.locator('thead button.sort').count(), 2, 'only the title and status columns');
		await open('/content/articles/2');
		await page
			.getByRole('alert')
			.filter({ hasText: /permission/ })
			.first()
			.waitFor();
		t.is(await page.getByLabel('Title').count(), 0, 'a draft does not open');
		await open('/content/authors');
		await page
			.getByRole('alert')
			.filter({ hasText: /permission/ })
			.first()
			.waitFor();
	},
	{ seed: seedReader },
);

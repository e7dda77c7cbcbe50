import { api } from '../../../core/test/helpers/http.js';
import { adminToken } from '../../../core/test/helpers/kernel.js';
import { studioTest } from './helpers/studio.js';
import { seedBlog } from './helpers/seed.js';

studioTest(
	'the notifications drawer lists the user’s new notifications and archives one; a comment on an item is posted and listed',
	async ({ t, page, login, open, url }) => {
		const adminId = (await api(url, 'GET', '/users/me?fields=id')).body.data.id;
		for (const subject of ['Article 1 needs a review', 'Import finished']) {
			const created = await api(url, 'POST', '/notifications', { recipient: adminId, subject, message: `${subject}, see the item.` });
			t.is(created.status, 200);
		}
		await login();
		await page.getByRole('button', { name: 'Notifications' }).click();
		const drawer = page.getByRole('dialog', { name: 'Notifications' });
		await drawer.getByText('Import finished', { exact: true }).waitFor();
		t.is(await drawer.locator('li').count(), 2);
		await drawer.locator('li', { hasText: 'Import finished' }).getByRole('button', { name: 'Archive' }).click();
		await drawer.getByText('Import finished', { exact: true }).waitFor({ state: 'detached' });
		t.is(await drawer.locator('li').count(), 1);
		const stored = (await api(url, 'GET', '/notifications?fields=subject,status&sort=subject')).body.data;
		t.deepEqual(stored, [
			{ subject: 'Article 1 needs a review', status: 'inbox' },
			{ subject: 'Import finished', status: 'archived' },
		]);
		await page.keyboard.press('Escape');
		await drawer.waitFor({ state: 'detached' });

		await open('/content/articles/1');
		await page.getByRole('button', { name: 'Comments' }).click();
		const comments = page.getByRole('complementary', { name: 'Comments' });
		await comments.getByLabel('Leave a comment').fill('Looks good to me.');
		await comments.getByRole('button', { name: 'Comment' }).click();
		await comments.getByText('Looks good to me.').waitFor();
		const saved = (await api(url, 'GET', '/comments?filter[collection][_eq]=articles&fields=item,comment')).body.data;
		t.deepEqual(saved, [{ item: '1', comment: 'Looks good to me.' }]);
		await page.reload();
		await page.getByRole('button', { name: 'Comments' }).click();
		await comments.locator('li').first().waitFor();
		t.deepEqual(await comments.locator('li p').allInnerTexts(), ['Looks good to me.'], 'the comment is still there after a reload');
	},
	{ seed: (url) => seedBlog(url, { articles: 2 }) },
);

studioTest('the user menu generates a static token that works for the API and replaces the previous one', async ({ t, page, login, url }) => {
	await login();
	await page.getByRole('button', { name: 'User menu' }).click();
	const menu = page.getByRole('dialog', { name: /Admin/ });
	await menu.getByRole('button', { name: 'Generate a token' }).click();
	const token = await menu.locator('code.token').innerText();
	t.true(token.length >= 24, 'a long random token');
	const asToken = (await api(url, 'GET', '/users/me?fields=email', undefined, token)).body.data;
	t.is(asToken.email, 'admin@example.com', 'the token acts as its user');
	t.is((await api(url, 'GET', '/users/me?fields=email', undefined, adminToken)).status, 401, 'the previous token stops working');
});

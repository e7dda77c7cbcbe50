import { studioTest } from './helpers/studio.js';
import { seedBlog } from './helpers/seed.js';

studioTest('signing in shows the module bar and the collections, grouped, and signing out returns to the login', async ({ t, page, login }) => {
	await login();
	const nav = page.getByRole('navigation', { name: 'Collections' });
	await nav.getByRole('link', { name: 'Articles' }).waitFor();
	t.true(await nav.getByText('Blog').isVisible(), 'the group is shown');
	t.true(await nav.getByRole('link', { name: 'Site' }).isVisible(), 'the singleton is listed');
	t.false(await nav.getByRole('link', { name: 'Articles tags' }).isVisible().catch(() => false), 'hidden collections are not');
	await page.getByRole('button', { name: 'User menu' }).click();
	await page.getByRole('button', { name: 'Sign out' }).click();
	await page.getByRole('button', { name: 'Sign in' }).waitFor();
	t.regex(page.url(), /\/admin\/login$/);
}, { seed: (url) => seedBlog(url, { articles: 3 }) });

import { studioTest } from './helpers/studio.js';
import { seedBlog } from './helpers/seed.js';

studioTest(
	'signing in shows the module bar and the collections, grouped, and signing out returns to the login',
	async ({ t, page, login }) => {
		await login();
		const nav = page.getByRole('navigation', { name: 'Collections' });
		await nav.getByRole('link', { name: 'Articles' }).waitFor();
		t.true(await nav.getByText('Blog').isVisible(), 'the group is shown');
		t.true(await nav.getByRole('link', { name: 'Site' }).isVisible(), 'the singleton is listed');
		t.false(
			await nav
				.getByRole('link', { name: 'Articles tags' })
				.isVisible()
				.catch(() => false),
			'hidden collections are not',
		);
		await page.getByRole('button', { name: 'User menu' }).click();
		await page.getByRole('button', { name: 'Sign out' }).click();
		await page.getByRole('button', { name: 'Sign in' }).waitFor();
		t.regex(page.url(), /\/admin\/login$/);
	},
	{ seed: (url) => seedBlog(url, { articles: 3 }) },
);

studioTest(
	'deep links survive sign-in, and back and forward move between pages',
	async ({ t, page, open }) => {
		await open('/content/authors');
		await page.waitForURL(/\/admin\/login\?redirect=/);
		await page.getByLabel('Email').fill('admin@example.com');
		await page.getByLabel('Password').fill('correct horse battery');
		await page.getByRole('button', { name: 'Sign in' }).click();
		await page.getByRole('heading', { name: 'Authors' }).waitFor();
		t.regex(page.url(), /\/admin\/content\/authors$/);
		await page.getByRole('navigation', { name: 'Collections' }).getByRole('link', { name: 'Articles' }).click();
		await page.getByRole('heading', { name: 'Articles' }).waitFor();
		await page.goBack();
		await page.getByRole('heading', { name: 'Authors' }).waitFor();
		await page.goForward();
		await page.getByRole('heading', { name: 'Articles' }).waitFor();
		t.regex(page.url(), /\/admin\/content\/articles$/);
		await page.getByRole('navigation', { name: 'Collections' }).getByRole('link', { name: 'Site' }).click();
		await page.getByRole('heading', { name: 'Site' }).waitFor();
		t.true(await page.getByLabel('Headline').isVisible(), 'the singleton opens straight into its editor');
	},
	{ seed: (url) => seedBlog(url, { articles: 3 }) },
);

studioTest(
	'on a 360 px phone in dark mode, the module bar moves to the bottom and nothing overflows the screen',
	async ({ t, page, login, open }) => {
		await page.emulateMedia({ colorScheme: 'dark' });
		await login();
		await open('/content/articles');
		await page.getByRole('table', { name: 'Articles items' }).locator('tbody tr').first().waitFor();
		const bar = await page.getByRole('navigation', { name: 'Modules' }).boundingBox();
		t.true(bar !== null && bar.y > 500 && bar.width <= 360, 'a bottom bar across the screen');
		t.true(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'no sideways scrolling of the page');
		t.is(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(18, 22, 29)', 'the dark theme follows the OS');
		await page.keyboard.press('Tab');
		const focused = await page.evaluate(() => document.activeElement?.textContent);
		t.is(focused, 'Skip to content', 'the first Tab reaches the skip link');
	},
	{ seed: (url) => seedBlog(url, { articles: 5 }), viewport: { width: 360, height: 740 } },
);

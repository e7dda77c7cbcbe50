import { api } from '../../../core/test/helpers/http.js';
import { studioTest } from './helpers/studio.js';
import { seedBlog } from './helpers/seed.js';

studioTest(
	'an admin builds a dashboard of three panels over the seeded articles; a variable filters a panel and auto refresh shows new data',
	async ({ t, page, login, url }) => {
		await login();
		await page.getByRole('navigation', { name: 'Modules' }).getByRole('link', { name: 'Insights' }).click();
		await page.getByRole('button', { name: 'Create dashboard' }).click();
		await page.getByLabel('Dashboard name').fill('Editorial');
		await page.getByRole('button', { name: 'Create', exact: true }).click();
		await page.getByRole('heading', { name: 'Editorial' }).waitFor();

		const addPanel = async (type: string, title: string, fill: () => Promise<void>) => {
			await page.getByRole('button', { name: 'Add panel' }).click();
			await page.getByLabel('Panel type').selectOption({ label: type });
			await page.getByLabel('Title').fill(title);
			await fill();
			await page.getByRole('button', { name: 'Add panel' }).last().click();
			await page.getByRole('article', { name: title, exact: true }).waitFor();
		};
		await addPanel('Metric', 'Articles', async () => {
			await page.getByLabel('Collection').selectOption('articles');
		});
		await addPanel('Bar chart', 'By status', async () => {
			await page.getByLabel('Collection').selectOption('articles');
			await page.getByLabel('Group by field').fill('status');
		});
		await addPanel('List', 'Most viewed', async () => {
			await page.getByLabel('Collection').selectOption('articles');
			await page.getByLabel('Field shown').fill('title');
			await page.getByLabel('Sort').fill('-views');
			await page.getByLabel('Items').fill('3');
		});

		// 30 seeded articles: every third published, views 0, 10, … 290.
		const metric = page.getByRole('article', { name: 'Articles' }).locator('.metric');
		await page.waitForFunction(() => document.querySelector('.metric')?.textContent === '30');
		t.is(await metric.innerText(), '30');
		const bars = page.getByRole('article', { name: 'By status' }).getByRole('list', { name: 'Bars' });
		await bars.getByText('draft').waitFor();
		t.regex(await bars.innerText(), /draft\s+20\s+published\s+10/);
		const top = page.getByRole('article', { name: 'Most viewed' }).getByRole('listitem');
		await top.first().waitFor();
		t.deepEqual(await top.allInnerTexts(), ['Article 030', 'Article 029', 'Article 028']);

		// A dashboard variable: the metric counts only the status it holds.
		await addPanel('Variable', 'Status', async () => {
			await page.getByLabel('Variable name').fill('status');
			await page.getByLabel('Default value').fill('published');
		});
		await page.getByRole('button', { name: 'Edit panel Articles' }).click();
		await page.getByLabel('Filter').fill('{ "status": { "_eq": "{{ status }}" } }');
		await page.getByRole('button', { name: 'Save panel' }).click();
		await page.waitForFunction(() => document.querySelector('.metric')?.textContent === '10');
		await page.getByRole('article', { name: 'Status', exact: true }).getByRole('textbox').fill('draft');
		await page.getByRole('article', { name: 'Status', exact: true }).getByRole('textbox').press('Enter');
		await page.waitForFunction(() => document.querySelector('.metric')?.textContent === '20');
		t.is(await metric.innerText(), '20');

		// Auto refresh: a draft created elsewhere shows up without touching the page.
		await page.getByLabel('Auto refresh').selectOption({ label: 'Every 5 seconds' });
		t.is((await api(url, 'POST', '/items/articles', { title: 'Fresh', status: 'draft' })).status, 200);
		await page.waitForFunction(() => document.querySelector('.metric')?.textContent === '21', undefined, { timeout: 15_000 });
		t.is(await metric.innerText(), '21');

		const stored = (await api(url, 'GET', '/panels?fields=type,name,options')).body.data;
		t.deepEqual(stored.map((panel: { type: string }) => panel.type).sort(), ['bar', 'list', 'metric', 'variable']);
		await page.reload();
		await page.getByRole('article', { name: 'Most viewed' }).getByRole('listitem').first().waitFor();
	},
	{ seed: (url) => seedBlog(url, { articles: 30 }) },
);

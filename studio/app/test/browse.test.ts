import { api } from '../../../core/test/helpers/http.js';
import { studioTest } from './helpers/studio.js';
import { seedBlog } from './helpers/seed.js';

const seed = (url: string) => seedBlog(url, { articles: 60 });

studioTest(
	'browsing a collection: relational columns, sort by a header, search, filter through a relation, pages with counts',
	async ({ t, page, login, open }) => {
		await login();
		await open('/content/articles');
		const table = page.getByRole('table', { name: 'Articles items' });
		const firstTitle = () => table.locator('tbody tr').first().locator('td[data-field="title"]').innerText();
		await table.locator('tbody tr').first().waitFor();
		t.is(await page.locator('.count').innerText(), '60 items');
		t.is(await firstTitle(), 'Article 001');
		t.is(await table.locator('tbody tr').first().locator('td[data-field="author"]').innerText(), 'Ada Lovelace', 'the M2O column shows the related title');

		await table.getByRole('button', { name: 'Views' }).click();
		await table.getByRole('button', { name: 'Views' }).click();
		await page.waitForFunction(() => document.querySelector('tbody tr td[data-field="title"]')?.textContent === 'Article 060');
		t.is(await table.getByRole('columnheader', { name: /Views/ }).getAttribute('aria-sort'), 'descending');

		await page.getByRole('button', { name: 'Next page' }).click();
		await page.getByText('Page 2 of 3').waitFor();
		// The page number changes on the click; the rows once the API answers.
		await page.waitForFunction(() => document.querySelector('tbody tr td[data-field="title"]')?.textContent === 'Article 035');
		t.is(await firstTitle(), 'Article 035', 'the second page of 25, newest views first');

		await page.getByLabel('Search Articles').fill('Article 04');
		await page.getByLabel('Search Articles').press('Enter');
		await page.getByText('10 items').waitFor();

		await page.getByLabel('Search Articles').fill('');
		await page.getByLabel('Search Articles').press('Enter');
		await page.getByRole('button', { name: 'Filter' }).click();
		await page.getByLabel('Field').fill('author.name');
		await page.getByLabel('Operator').selectOption('_eq');
		await page.getByLabel('Value').fill('Grace Hopper');
		await page.getByRole('button', { name: 'Apply filter' }).click();
		await page.getByText('20 items').waitFor();
		const authors = await table.locator('tbody td[data-field="author"]').allInnerTexts();
		t.true(authors.length === 20 && authors.every((name) => name === 'Grace Hopper'), 'only Grace Hopper’s articles');

		await page.getByLabel('Per page').selectOption('1000');
		await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 20);
		t.is(await page.getByText('Page 1 of 1').count(), 1);
	},
	{ seed },
);

studioTest(
	'columns are picked and kept as a preset; selected rows are edited and deleted together',
	async ({ t, page, login, open, url }) => {
		await login();
		await open('/content/articles');
		await page.getByRole('button', { name: 'Layout' }).click();
		await page.getByRole('checkbox', { name: 'featured', exact: true }).check();
		await page.getByRole('checkbox', { name: 'rating', exact: true }).uncheck();
		const table = page.getByRole('table', { name: 'Articles items' });
		await table.getByRole('button', { name: 'Featured' }).waitFor();
		t.is(await table.getByRole('button', { name: 'Rating' }).count(), 0);
		await page.reload();
		await table.getByRole('button', { name: 'Featured' }).waitFor();
		t.is(await table.getByRole('button', { name: 'Rating' }).count(), 0, 'the preset brought the same columns back');
		t.regex(await table.locator('tbody tr').first().locator('td[data-field="featured"]').innerText(), /Yes/);
		const presets = (await api(url, 'GET', '/presets?filter[collection][_eq]=articles')).body.data;
		t.true(
			presets.some((preset: any) => preset.layout_query?.table?.fields?.includes('featured')),
			'kept as a preset through /presets',
		);

		await table.getByRole('checkbox', { name: 'Select item 1', exact: true }).check();
		await table.getByRole('checkbox', { name: 'Select item 2', exact: true }).check();
		await page.getByRole('button', { name: 'Edit 2' }).click();
		await page.getByRole('dialog', { name: 'Edit 2 items' }).getByLabel('Views').fill('999');
		await page.getByRole('button', { name: 'Save 2 items' }).click();
		await page.getByText('Updated 2 items.').waitFor();
		t.deepEqual(
			(await api(url, 'GET', '/items/articles?filter[views][_eq]=999&fields=id&sort=id')).body.data.map((row: any) => row.id),
			[1, 2],
		);
		await page.getByRole('button', { name: 'Delete 2' }).click();
		await page.getByRole('dialog', { name: 'Delete 2 items?' }).getByRole('button', { name: 'Delete' }).click();
		await page.getByText('Deleted 2 items.').waitFor();
		await page.getByText('58 items').waitFor();
		t.is((await api(url, 'GET', '/items/articles?filter[id][_in]=1,2')).body.data.length, 0, 'both deleted');
	},
	{ seed },
);

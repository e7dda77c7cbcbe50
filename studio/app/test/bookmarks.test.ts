import { readFileSync } from 'node:fs';
import { api } from '../../../core/test/helpers/http.js';
import { eventually } from '../../../core/test/helpers/wait.js';
import { studioTest } from './helpers/studio.js';
import { seedBlog } from './helpers/seed.js';

const seed = (url: string) => seedBlog(url, { articles: 12 });

/** The signed-in admin's own preset for a collection (not a bookmark). */
async function ownPreset(url: string, collection: string) {
	const presets = (await api(url, 'GET', `/presets?filter[collection][_eq]=${collection}&filter[bookmark][_null]=true`)).body.data;
	return presets[0];
}

const headers = (page: import('playwright-core').Page) =>
	page
		.getByRole('table', { name: 'Articles items' })
		.locator('thead button.sort')
		.evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-field')));

studioTest(
	'table columns are resized and reordered with the mouse, and both are kept in the preset',
	async ({ t, page, login, open, url }) => {
		await login();
		await open('/content/articles');
		const table = page.getByRole('table', { name: 'Articles items' });
		await table.locator('tbody tr').first().waitFor();
		t.deepEqual(await headers(page), ['title', 'status', 'author', 'views', 'rating']);

		const title = table.getByRole('columnheader', { name: /Title/ });
		const before = (await title.boundingBox())!.width;
		const handle = (await table.getByRole('separator', { name: 'Resize Title column' }).boundingBox())!;
		await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
		await page.mouse.down();
		await page.mouse.move(handle.x + 120, handle.y + handle.height / 2, { steps: 5 });
		await page.mouse.up();
		t.true((await title.boundingBox())!.width >= before + 100, 'the column is wider');

		await table.getByRole('columnheader', { name: /Views/ }).dragTo(table.getByRole('columnheader', { name: /Status/ }));
		await page.waitForFunction(() => document.querySelectorAll('thead button.sort')[1]?.getAttribute('data-field') === 'views');
		t.deepEqual(await headers(page), ['title', 'views', 'status', 'author', 'rating'], 'Views moved before Status');

		t.true(
			await eventually(async () => {
				const preset = await ownPreset(url, 'articles');
				return preset?.layout_options?.table?.widths?.title >= before + 100 && preset?.layout_query?.table?.fields?.[1] === 'views';
			}),
			'the width and the order are saved through /presets',
		);
		await page.reload();
		await table.locator('tbody tr').first().waitFor();
		t.deepEqual(await headers(page), ['title', 'views', 'status', 'author', 'rating'], 'the order comes back');
		t.true((await title.boundingBox())!.width >= before + 100, 'and so does the width');
	},
	{ seed },
);

studioTest(
	'a bookmark saves the current filter and columns, is listed in the navigation, and opening it restores them',
	async ({ t, page, login, open, url }) => {
		await login();
		await open('/content/articles');
		const table = page.getByRole('table', { name: 'Articles items' });
		await table.locator('tbody tr').first().waitFor();
		await page.getByRole('button', { name: 'Filter' }).click();
		await page.getByLabel('Field').fill('author.name');
		await page.getByLabel('Operator').selectOption('_eq');
		await page.getByLabel('Value').fill('Alan Turing');
		await page.getByRole('button', { name: 'Apply filter' }).click();
		await page.getByText('4 items').waitFor();
		await page.getByRole('button', { name: 'Layout' }).click();
		await page.getByRole('checkbox', { name: 'rating', exact: true }).uncheck();
		await page.getByLabel('Bookmark name').fill('Turing’s articles');
		await page.getByRole('button', { name: 'Save as bookmark' }).click();
		await page.getByText('Bookmark “Turing’s articles” saved.').waitFor();
		const nav = page.getByRole('navigation', { name: 'Collections' });
		const link = nav.getByRole('link', { name: 'Turing’s articles' });
		await link.waitFor();

		// Change the view away from the bookmark's: no filter, every column.
		await page.getByRole('button', { name: 'Filter (1)' }).click();
		await page.getByRole('button', { name: 'Remove rule 1' }).click();
		await page.getByRole('button', { name: 'Apply filter' }).click();
		await page.getByText('12 items').waitFor();
		await page.getByRole('button', { name: 'Layout' }).click();
		await page.getByRole('checkbox', { name: 'rating', exact: true }).check();
		await table.getByRole('button', { name: 'Rating' }).waitFor();

		await link.click();
		await page.getByText('4 items').waitFor();
		t.regex(page.url(), /\/admin\/content\/articles\?bookmark=\d+$/);
		t.is(await link.getAttribute('aria-current'), 'page');
		t.is(await table.getByRole('button', { name: 'Rating' }).count(), 0, 'the bookmark’s columns');
		const authors = await table.locator('tbody td[data-field="author"]').allInnerTexts();
		t.deepEqual([...new Set(authors)], ['Alan Turing'], 'the bookmark’s filter');

		await page.reload();
		await page.getByText('4 items').waitFor();
		await nav.getByRole('link', { name: 'Turing’s articles' }).waitFor();
		const saved = (await api(url, 'GET', '/presets?filter[bookmark][_nnull]=true')).body.data;
		t.is(saved.length, 1);
		t.like(saved[0], { bookmark: 'Turing’s articles', collection: 'articles', filter: { author: { name: { _eq: 'Alan Turing' } } } });
	},
	{ seed },
);

studioTest(
	'export downloads the shown rows as CSV with the chosen columns, filter and search',
	async ({ t, page, login, open }) => {
		await login();
		await open('/content/articles');
		await page.getByRole('table', { name: 'Articles items' }).locator('tbody tr').first().waitFor();
		await page.getByLabel('Search Articles').fill('Article 01');
		await page.getByLabel('Search Articles').press('Enter');
		await page.getByText('3 items').waitFor();
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export' }).click()]);
		t.is(download.suggestedFilename(), 'articles.csv');
		const lines = readFileSync((await download.path())!, 'utf8')
			.trim()
			.split(/\r?\n/);
		t.is(lines.length, 4, 'a header and the three matching rows');
		t.regex(lines[0]!, /^"?title"?,"?status"?,"?author"?,"?views"?,"?rating"?$/);
		t.true(
			lines.slice(1).every((line) => /Article 01\d/.test(line)),
			'only the rows the search matched',
		);
	},
	{ seed },
);

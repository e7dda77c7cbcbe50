import { api } from '../../../core/test/helpers/http.js';
import { studioTest } from './helpers/studio.js';
import { seedBlog } from './helpers/seed.js';

const seed = (url: string) => seedBlog(url, { articles: 3 });

studioTest(
	'an item is created through every first-party interface, M2O, M2M and O2M included, then edited and deleted',
	async ({ t, page, login, open, url }) => {
		page.on('dialog', (dialog) => void dialog.accept());
		await login();
		await open('/content/articles/+');
		const field = (name: string) => page.locator(`.field[data-field="${name}"]`);

		await page.getByRole('button', { name: 'Save and stay' }).isDisabled();
		await page.getByLabel('Title').fill('A complete article');
		await page.getByLabel('Status').selectOption('published');
		await page.getByLabel('Views').fill('42');
		await page.getByLabel('Rating').fill('7');
		await page.getByLabel('Featured').check();
		await page.getByLabel('Published on').fill('2026-01-15');
		await field('category').getByLabel('Howto').check();
		await field('channels').getByLabel('Web').check();
		await field('channels').getByLabel('Mail').check();
		await page.getByLabel('Keywords: add a tag').fill('alpha');
		await page.getByLabel('Keywords: add a tag').press('Enter');
		await page.getByLabel('Accent', { exact: true }).fill('#FF0000');
		await page.getByLabel('Secret').fill('hunter2');
		await page.getByLabel('Summary').fill('Short summary');
		await page.getByLabel('Body').fill('# Heading\n\nSome **bold** text');
		await page.getByRole('textbox', { name: 'Html' }).click();
		await page.keyboard.type('Rich text');
		await page.getByLabel('Extra').fill('{"a": 1}');

		await field('author').getByRole('button', { name: 'Select' }).click();
		await field('author').getByLabel('Search authors').fill('Alan');
		await field('author').getByRole('button', { name: 'Alan Turing' }).click();
		await field('author').getByText('Alan Turing').waitFor();

		await field('tags').getByRole('button', { name: 'Add existing' }).click();
		await field('tags').getByRole('button', { name: 'science' }).click();
		await field('tags').getByRole('button', { name: 'Create new' }).click();
		await field('tags').getByLabel('name').fill('fresh');
		await field('tags').getByRole('button', { name: 'Add', exact: true }).click();

		await field('notes').getByRole('button', { name: 'Create new' }).click();
		await field('notes').getByLabel('text').fill('First note');
		await field('notes').getByRole('button', { name: 'Add', exact: true }).click();

		await page.getByRole('button', { name: 'Save and stay' }).click();
		await page.waitForURL(/\/admin\/content\/articles\/\d+$/);
		const id = page.url().split('/').pop()!;
		const saved = (await api(url, 'GET', `/items/articles/${id}?fields=*,author.name,tags.tags_id.name,notes.text`)).body.data;
		t.like(saved, {
			title: 'A complete article',
			status: 'published',
			views: 42,
			rating: 7,
			featured: true,
			category: 'howto',
			accent: '#FF0000',
			summary: 'Short summary',
			body: '# Heading\n\nSome **bold** text',
			extra: { a: 1 },
			author: { name: 'Alan Turing' },
		});
		t.regex(String(saved.published_on), /^2026-01-15/);
		t.deepEqual(saved.channels, ['web', 'mail']);
		t.deepEqual(saved.keywords, ['alpha']);
		t.regex(saved.html, /Rich text/);
		t.not(saved.secret, 'hunter2', 'the hash field is stored hashed');
		t.deepEqual(saved.tags.map((tag: any) => tag.tags_id.name).sort(), ['fresh', 'science']);
		t.deepEqual(
			saved.notes.map((note: any) => note.text),
			['First note'],
		);

		await page.getByLabel('Title').fill('A renamed article');
		await field('tags').getByRole('button', { name: 'Unlink science' }).click();
		await field('author').getByRole('button', { name: /Clear/ }).click();
		await page.getByRole('button', { name: 'Save', exact: true }).click();
		await page.waitForURL(/\/admin\/content\/articles$/);
		const edited = (await api(url, 'GET', `/items/articles/${id}?fields=title,author,tags.tags_id.name`)).body.data;
		t.like(edited, { title: 'A renamed article', author: null });
		t.deepEqual(
			edited.tags.map((tag: any) => tag.tags_id.name),
			['fresh'],
		);

		await open(`/content/articles/${id}`);
		await page.getByRole('button', { name: 'Delete' }).click();
		const asked = page.getByRole('dialog', { name: 'Delete this item?' });
		await asked.getByRole('button', { name: 'Cancel' }).click();
		t.is((await api(url, 'GET', `/items/articles/${id}`)).status, 200, 'cancelling keeps the item');
		await page.getByRole('button', { name: 'Delete' }).click();
		await asked.getByRole('button', { name: 'Delete' }).click();
		await page.waitForURL(/\/admin\/content\/articles$/);
		t.is((await api(url, 'GET', `/items/articles/${id}`)).status, 403, 'gone');
	},
	{ seed },
);

studioTest(
	'a save the API refuses shows its message on the field that caused it, and nothing is lost',
	async ({ t, page, login, open }) => {
		await login();
		await open('/content/articles/+');
		await page.getByLabel('Views').fill('5');
		await page.getByRole('button', { name: 'Save and stay' }).click();
		const error = page.locator('.field[data-field="title"] .field-error');
		await error.waitFor();
		t.regex(await error.innerText(), /title.*required/i);
		t.is(await page.locator('.field.invalid').getAttribute('data-field'), 'title', 'only that field is marked');
		t.is(await page.getByLabel('Views').inputValue(), '5', 'what the user typed is still there');
		t.true(
			await page
				.getByRole('alert')
				.filter({ hasText: /required/ })
				.first()
				.isVisible(),
			'and the global toast carries the API message',
		);

		let asked = '';
		page.once('dialog', (dialog) => {
			asked = dialog.message();
			void dialog.dismiss();
		});
		await page.getByRole('navigation', { name: 'Collections' }).getByRole('link', { name: 'Authors' }).click();
		t.regex(asked, /unsaved changes/, 'leaving with unsaved changes asks first');
		t.regex(page.url(), /\/content\/articles\/\+$/, 'and staying keeps the page');
		t.is(await page.getByLabel('Views').inputValue(), '5');
	},
	{ seed },
);

studioTest(
	'a revision is compared with the item and reverted',
	async ({ t, page, login, open, url }) => {
		await login();
		await open('/content/articles/1');
		await page.getByLabel('Title').fill('Changed title');
		await page.getByRole('button', { name: 'Save and stay' }).click();
		await page.getByText('Saved.').waitFor();
		await page.getByRole('button', { name: 'Revisions' }).click();
		const sidebar = page.getByRole('complementary', { name: 'Revisions' });
		const entries = sidebar.locator('ol.revisions > li');
		await page.waitForFunction(() => document.querySelectorAll('ol.revisions > li').length >= 2);
		await entries.last().getByRole('button').first().click();
		t.regex(await sidebar.locator('tr.changed').first().innerText(), /title\s+Article 001\s+Changed title/);
		await sidebar.getByRole('button', { name: 'Revert to this revision' }).click();
		await page.getByText('Reverted to the chosen revision.').waitFor();
		t.is(await page.getByLabel('Title').inputValue(), 'Article 001');
		t.is((await api(url, 'GET', '/items/articles/1?fields=title')).body.data.title, 'Article 001');
	},
	{ seed },
);

import type { Page } from 'playwright-core';
import { api } from '../../../core/test/helpers/http.js';
import { studioTest } from './helpers/studio.js';

async function createCollection(page: Page, name: string) {
	await page.getByRole('button', { name: 'Create collection' }).click();
	const dialog = page.getByRole('dialog', { name: 'Create collection' });
	await dialog.getByLabel('Collection name').fill(name);
	await dialog.getByRole('button', { name: 'Create' }).click();
	await dialog.waitFor({ state: 'detached' });
	await page.getByRole('treeitem', { name }).waitFor();
}

/** Opens the new-field drawer of the collection page shown, fills what `fill` fills, and creates the field. */
async function createField(page: Page, fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) {
	await page.getByRole('button', { name: 'Create field' }).click();
	const dialog = page.getByRole('dialog');
	await fill(dialog);
	await dialog.getByRole('button', { name: 'Create field' }).click();
	await dialog.waitFor({ state: 'detached' });
}

studioTest(
	'an admin builds three collections joined by M2O, O2M and M2M relations in the Studio alone, then fills them in the content module',
	async ({ t, page, login, open, url }) => {
		await login();
		await page.getByRole('navigation', { name: 'Modules' }).getByRole('link', { name: 'Data Model' }).click();
		await page.getByRole('heading', { name: 'Data Model' }).waitFor();
		for (const name of ['authors', 'books', 'chapters']) await createCollection(page, name);

		const fieldsTable = (collection: string) => page.getByRole('table', { name: `Fields of ${collection}` });
		for (const [collection, text] of [
			['authors', 'name'],
			['books', 'title'],
			['chapters', 'heading'],
		] as const) {
			await page.getByRole('treeitem', { name: collection }).getByRole('link', { name: collection }).click();
			await fieldsTable(collection).waitFor();
			await createField(page, async (dialog) => {
				await dialog.getByLabel('Key', { exact: true }).fill(text);
				await dialog.getByRole('combobox', { name: /^Interface/ }).selectOption('input');
				await dialog.getByLabel('Required').check();
				await dialog.locator('#preview-input').waitFor();
			});
			await fieldsTable(collection).locator(`tr[data-field="${text}"]`).waitFor();
			await page.getByRole('link', { name: 'Data Model' }).first().click();
		}

		await open('/settings/data-model/books');
		await createField(page, async (dialog) => {
			await dialog.getByRole('combobox', { name: /^Field kind/ }).selectOption('m2o');
			await dialog.getByLabel('Key', { exact: true }).fill('author');
			await dialog.getByRole('combobox', { name: /^Related collection/ }).selectOption('authors');
		});
		await createField(page, async (dialog) => {
			await dialog.getByRole('combobox', { name: /^Field kind/ }).selectOption('o2m');
			await dialog.getByLabel('Key', { exact: true }).fill('chapters');
			await dialog.getByRole('combobox', { name: /^Related collection/ }).selectOption('chapters');
			await dialog.getByLabel('Key field on the related collection').fill('book');
		});
		await createField(page, async (dialog) => {
			await dialog.getByRole('combobox', { name: /^Field kind/ }).selectOption('m2m');
			await dialog.getByLabel('Key', { exact: true }).fill('reviewers');
			await dialog.getByRole('combobox', { name: /^Related collection/ }).selectOption('authors');
		});
		const details = await fieldsTable('books').locator('tbody tr').allInnerTexts();
		t.true(
			details.some((row) => row.includes('M2O → authors')),
			'the M2O is listed',
		);
		t.true(
			details.some((row) => row.includes('O2M via chapters')),
			'the O2M is listed',
		);
		t.true(
			details.some((row) => row.includes('M2M via books_authors')),
			'the M2M is listed with the junction made for it',
		);

		// The collection settings: a display template the content module then uses for titles.
		await open('/settings/data-model/authors');
		await page.getByLabel('Display template').fill('{{name}}');
		await page.getByRole('button', { name: 'Save settings' }).click();
		await page.getByRole('status').filter({ hasText: 'Collection settings saved.' }).waitFor();

		await api(url, 'POST', '/items/authors', [{ name: 'Ursula Le Guin' }, { name: 'Terry Pratchett' }]);
		await open('/content/books/+');
		const field = (name: string) => page.locator(`.field[data-field="${name}"]`);
		await page.getByLabel('Title').fill('The Dispossessed');
		await field('author').getByRole('button', { name: 'Select' }).click();
		await field('author').getByRole('button', { name: 'Ursula Le Guin' }).click();
		await field('reviewers').getByRole('button', { name: 'Add existing' }).click();
		await field('reviewers').getByRole('button', { name: 'Terry Pratchett' }).click();
		await field('chapters').getByRole('button', { name: 'Create new' }).click();
		await field('chapters').getByLabel('heading').fill('Anarres');
		await field('chapters').getByRole('button', { name: 'Add', exact: true }).click();
		await page.getByRole('button', { name: 'Save and stay' }).click();
		await page.waitForURL(/\/admin\/content\/books\/\d+$/);
		const id = page.url().split('/').pop()!;
		const saved = (await api(url, 'GET', `/items/books/${id}?fields=title,author.name,chapters.heading,reviewers.authors_id.name`)).body.data;
		t.like(saved, { title: 'The Dispossessed', author: { name: 'Ursula Le Guin' } });
		t.deepEqual(
			saved.chapters.map((chapter: { heading: string }) => chapter.heading),
			['Anarres'],
		);
		t.deepEqual(
			saved.reviewers.map((link: { authors_id: { name: string } }) => link.authors_id.name),
			['Terry Pratchett'],
		);

		// Deleting asks first, and names what depends on the field.
		await open('/settings/data-model/books');
		await page.getByRole('button', { name: 'Delete field author' }).click();
		let confirm = page.getByRole('dialog', { name: 'Delete the field “books.author”?' });
		t.true(
			(await confirm.getByRole('list', { name: 'What depends on it' }).innerText()).includes('books.author → authors'),
			'the confirmation names the relation',
		);
		await confirm.getByRole('button', { name: 'Cancel' }).click();
		await confirm.waitFor({ state: 'detached' });
		t.is((await api(url, 'GET', '/fields/books/author')).status, 200, 'cancelling keeps the field');
		await page.getByRole('button', { name: 'Delete field author' }).click();
		await confirm.getByRole('button', { name: 'Delete' }).click();
		await fieldsTable('books').locator('tr[data-field="author"]').waitFor({ state: 'detached' });
		t.is((await api(url, 'GET', '/fields/books/author')).status, 403, 'the field is gone');

		await open('/settings/data-model/chapters');
		await page.getByRole('button', { name: 'Delete collection' }).click();
		confirm = page.getByRole('dialog', { name: /^Delete the collection “chapters”/ });
		t.true(
			(await confirm.getByRole('list', { name: 'What depends on it' }).innerText()).includes('chapters.book → books'),
			'the confirmation names the relation to books',
		);
		await confirm.getByRole('button', { name: 'Delete' }).click();
		await page.waitForURL(/\/admin\/settings\/data-model$/);
		t.is((await api(url, 'GET', '/collections/chapters')).status, 403, 'the collection is gone');
		t.is((await api(url, 'GET', '/fields/books/chapters')).status, 403, 'and so is the list of its items on books');
	},
	{ viewport: { width: 1400, height: 1000 } },
);

studioTest('a new collection gets the chosen system fields, and collections are nested and reordered by dragging', async ({ t, page, login, open, url }) => {
	await login();
	await open('/settings/data-model');
	await page.getByRole('button', { name: 'Create collection' }).click();
	const dialog = page.getByRole('dialog', { name: 'Create collection' });
	await dialog.getByLabel('Collection name').fill('posts');
	for (const label of ['Status', 'Sort', 'Created by', 'Created on']) await dialog.getByLabel(label, { exact: true }).check();
	await dialog.getByRole('button', { name: 'Create' }).click();
	await dialog.waitFor({ state: 'detached' });
	const fields = (await api(url, 'GET', '/fields/posts')).body.data.map((field: { field: string }) => field.field);
	t.deepEqual(fields.sort(), ['date_created', 'id', 'sort', 'status', 'user_created']);
	const meta = (await api(url, 'GET', '/collections/posts')).body.data.meta;
	t.like(meta, { archive_field: 'status', sort_field: 'sort' });
	t.like((await api(url, 'GET', '/relations/posts/user_created')).body.data, { related_collection: 'directus_users' });
	const created = (await api(url, 'POST', '/items/posts', {})).body.data;
	t.like(created, { status: 'draft' }, 'the status starts as a draft');
	t.truthy(created.date_created, 'the creation time is filled in');

	await createCollection(page, 'alpha');
	await page.getByRole('button', { name: 'Create collection' }).click();
	await dialog.getByLabel('Collection name').fill('library');
	await dialog.getByLabel(/^Folder only/).check();
	await dialog.getByRole('button', { name: 'Create' }).click();
	await dialog.waitFor({ state: 'detached' });

	// Onto the middle of a row: inside it.
	const row = (name: string) => page.locator(`.collection-row[data-collection="${name}"]`);
	const box = await row('library').boundingBox();
	await row('posts').dragTo(row('library'), { targetPosition: { x: 40, y: box!.height * 0.7 } });
	await page.getByRole('treeitem', { name: 'library' }).getByRole('treeitem', { name: 'posts' }).waitFor();
	t.is((await api(url, 'GET', '/collections/posts')).body.data.meta.group, 'library');
	const navigation = page.getByRole('navigation', { name: 'Collections' });

	// Onto the top edge of a row: before it, at its level.
	await row('posts').dragTo(row('alpha'), { targetPosition: { x: 40, y: 2 } });
	await page.getByRole('tree', { name: 'Collections' }).locator(':scope > li').first().getByRole('link', { name: 'posts' }).waitFor();
	const top = await page
		.getByRole('tree', { name: 'Collections' })
		.locator(':scope > li > .collection-row')
		.evaluateAll((rows) => rows.map((element) => element.getAttribute('data-collection')));
	t.deepEqual(top, ['posts', 'alpha', 'library']);
	t.like((await api(url, 'GET', '/collections/posts')).body.data.meta, { group: null, sort: 1 });

	// The buttons do the same from the keyboard.
	await page.getByRole('button', { name: 'Move alpha up' }).click();
	await page.waitForFunction(() => document.querySelector('[role="tree"] > li > .collection-row')?.getAttribute('data-collection') === 'alpha');
	await open('/content');
	await navigation.getByRole('link', { name: 'Posts' }).waitFor();
	const order = (await navigation.getByRole('link').allInnerTexts()).map((text) => text.replace(/[^A-Za-z ]/g, '').trim());
	t.deepEqual(order.slice(0, 2), ['Alpha', 'Posts'], 'the content navigation follows the order');
});

async function seedProducts(url: string) {
	const response = await api(url, 'POST', '/collections', {
		collection: 'products',
		schema: {},
		meta: {},
		fields: [
			{ field: 'id', type: 'integer', schema: { is_primary_key: true, has_auto_increment: true }, meta: { hidden: true } },
			{ field: 'kind', type: 'string', meta: { interface: 'input', sort: 1 } },
			{ field: 'price', type: 'integer', meta: { interface: 'numeric', sort: 2 } },
		],
	});
	if (response.status !== 200) throw new Error(JSON.stringify(response.body));
}

studioTest(
	"a field's interface options come from the interface's own options schema, and its conditions and validation rules are built in the filter builder",
	async ({ t, page, login, open, url }) => {
		await login();
		await open('/settings/data-model/products');
		await page.getByRole('button', { name: 'Edit field price' }).click();
		const dialog = page.getByRole('dialog');
		await dialog.getByRole('combobox', { name: /^Interface/ }).selectOption('slider');
		const options = dialog.getByRole('group', { name: 'Interface options' });
		await options.getByLabel('Maximum').fill('500');
		await dialog.getByRole('combobox', { name: /^Width/ }).selectOption('half');
		await dialog.getByLabel('Required').check();
		t.is(await dialog.locator('#preview-input').getAttribute('max'), '500', 'the preview follows the options as they are typed');

		const validation = dialog.getByRole('region', { name: 'Validation' });
		await validation.getByLabel('Field').fill('price');
		await validation.getByLabel('Operator').selectOption('_lte');
		await validation.getByLabel('Value').fill('400');
		await validation.getByRole('button', { name: 'Apply filter' }).click();
		await dialog.getByLabel('Validation message').fill('At most 400.');

		await dialog.getByRole('button', { name: 'Add condition' }).click();
		const condition = dialog.getByRole('group', { name: 'Condition 1' });
		await condition.getByLabel('Name', { exact: true }).fill('Services have no price');
		await condition.getByLabel('Field').fill('kind');
		await condition.getByLabel('Value').fill('service');
		await condition.getByRole('button', { name: 'Apply filter' }).click();
		await dialog.getByRole('button', { name: 'Save field' }).click();
		await dialog.waitFor({ state: 'detached' });

		const meta = (await api(url, 'GET', '/fields/products/price')).body.data.meta;
		t.like(meta, {
			interface: 'slider',
			options: { max: 500 },
			width: 'half',
			required: true,
			validation: { price: { _lte: '400' } },
			validation_message: 'At most 400.',
		});
		t.like(meta.conditions[0], { name: 'Services have no price', rule: { kind: { _eq: 'service' } }, hidden: true });

		await open('/content/products/+');
		const price = page.getByLabel('Price');
		await price.waitFor();
		t.is(await price.getAttribute('type'), 'range');
		t.is(await price.getAttribute('max'), '500');
		await page.getByLabel('Kind').fill('service');
		await price.waitFor({ state: 'detached' });
	},
	{ seed: seedProducts },
);

studioTest(
	'any-collection (M2A) and translations fields are created with their junctions and relations',
	async ({ t, page, login, open, url }) => {
		await login();
		await open('/settings/data-model/products');
		await page.getByRole('button', { name: 'Create field' }).click();
		let dialog = page.getByRole('dialog');
		await dialog.getByRole('combobox', { name: /^Field kind/ }).selectOption('m2a');
		await dialog.getByLabel('Key', { exact: true }).fill('blocks');
		await dialog.getByRole('checkbox', { name: 'products' }).check();
		await dialog.getByRole('button', { name: 'Create field' }).click();
		await dialog.waitFor({ state: 'detached' });

		await page.getByRole('button', { name: 'Create field' }).click();
		dialog = page.getByRole('dialog');
		await dialog.getByRole('combobox', { name: /^Field kind/ }).selectOption('translations');
		await dialog.getByLabel('Key', { exact: true }).fill('translations');
		await dialog.getByRole('button', { name: 'Create field' }).click();
		await dialog.waitFor({ state: 'detached' });

		const relations = (await api(url, 'GET', '/relations')).body.data;
		const any = relations.find((relation: any) => relation.collection === 'products_blocks' && relation.field === 'item');
		t.like(any, {
			related_collection: null,
			meta: { one_allowed_collections: ['products'], one_collection_field: 'collection', junction_field: 'products_id' },
		});
		t.like(
			relations.find((relation: any) => relation.collection === 'products_translations' && relation.field === 'products_id'),
			{ related_collection: 'products', meta: { one_field: 'translations', junction_field: 'languages_code' } },
		);
		t.like(
			relations.find((relation: any) => relation.collection === 'products_translations' && relation.field === 'languages_code'),
			{ related_collection: 'languages' },
		);
		t.like((await api(url, 'GET', '/fields/products/blocks')).body.data.meta, { special: ['m2a'], interface: 'list-m2a' });
		t.is((await api(url, 'GET', '/items/languages')).body.data.length, 2, 'a languages collection is made on first use');
		const rows = await page.getByRole('table', { name: 'Fields of products' }).locator('tbody tr').allInnerTexts();
		t.true(rows.some((row) => row.includes('M2A via products_blocks')));
		t.true(rows.some((row) => row.includes('TRANSLATIONS via products_translations')));
	},
	{ seed: seedProducts },
);

import sharp from 'sharp';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { api } from '../../../core/test/helpers/http.js';
import { studioTest } from './helpers/studio.js';

async function ok(response: { status: number; body: any }, what: string) {
	if (response.status >= 300) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
	return response.body;
}

const id = { field: 'id', type: 'integer', schema: { is_primary_key: true, has_auto_increment: true }, meta: { hidden: true } };

/** Pages built from blocks of two kinds (a many-to-any) with a gallery of files (a many-to-many to the library). */
async function seedPages(url: string): Promise<void> {
	const post = (route: string, body: unknown) => api(url, 'POST', route, body).then((response) => ok(response, `POST ${route}`));
	await post('/collections', { collection: 'headings', schema: {}, meta: { display_template: '{{title}}' }, fields: [id, { field: 'title', type: 'string' }] });
	await post('/collections', { collection: 'quotes', schema: {}, meta: { display_template: '{{text}}' }, fields: [id, { field: 'text', type: 'string' }] });
	await post('/collections', {
		collection: 'pages',
		schema: {},
		meta: { display_template: '{{name}}' },
		fields: [
			id,
			{ field: 'name', type: 'string', meta: { interface: 'input', sort: 1 } },
			{ field: 'blocks', type: 'alias', meta: { interface: 'list-m2a', special: ['m2a'], sort: 2 } },
			{ field: 'gallery', type: 'alias', meta: { interface: 'files', special: ['files'], sort: 3 } },
		],
	});
	await post('/collections', {
		collection: 'pages_blocks',
		schema: {},
		meta: { hidden: true },
		fields: [
			{ field: 'id', type: 'integer', schema: { is_primary_key: true, has_auto_increment: true } },
			{ field: 'pages_id', type: 'integer' },
			{ field: 'item', type: 'string' },
			{ field: 'collection', type: 'string' },
			{ field: 'sort', type: 'integer' },
		],
	});
	await post('/collections', {
		collection: 'pages_files',
		schema: {},
		meta: { hidden: true },
		fields: [
			{ field: 'id', type: 'integer', schema: { is_primary_key: true, has_auto_increment: true } },
			{ field: 'pages_id', type: 'integer' },
			{ field: 'directus_files_id', type: 'uuid' },
		],
	});
	await post('/relations', {
		collection: 'pages_blocks',
		field: 'pages_id',
		related_collection: 'pages',
		meta: { one_field: 'blocks', junction_field: 'item', sort_field: 'sort' },
	});
	await post('/relations', {
		collection: 'pages_blocks',
		field: 'item',
		related_collection: null,
		meta: { one_allowed_collections: ['headings', 'quotes'], one_collection_field: 'collection', junction_field: 'pages_id' },
	});
	await post('/relations', {
		collection: 'pages_files',
		field: 'pages_id',
		related_collection: 'pages',
		meta: { one_field: 'gallery', junction_field: 'directus_files_id' },
	});
	await post('/relations', {
		collection: 'pages_files',
		field: 'directus_files_id',
		related_collection: 'directus_files',
		meta: { junction_field: 'pages_id' },
	});
	await post('/items/headings', [{ title: 'Welcome' }, { title: 'About us' }]);
	await post('/items/pages', { name: 'Home', blocks: [{ collection: 'headings', item: '1', sort: 1 }] });
}

async function images(): Promise<string[]> {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'studio-gallery-'));
	return Promise.all(
		(['green', 'yellow'] as const).map(async (name, index) => {
			const file = path.join(dir, `${name}.png`);
			writeFileSync(
				file,
				await sharp({ create: { width: 120, height: 80, channels: 3, background: index ? '#dd3' : '#3d3' } })
					.png()
					.toBuffer(),
			);
			return file;
		}),
	);
}

studioTest(
	'the many-to-any builder adds a new block and an existing one from two collections, orders and removes them, and saves',
	async ({ t, page, login, open, url }) => {
		await login();
		await open('/content/pages/1');
		const blocks = page.locator('.field[data-field="blocks"]');
		await blocks.getByText('headings · Welcome').waitFor();

		await blocks.getByRole('button', { name: 'New quotes' }).click();
		const form = blocks.getByRole('group', { name: 'New item of quotes' });
		await form.getByLabel('text').fill('Less is more');
		await form.getByRole('button', { name: 'Add' }).click();
		await blocks.getByText('quotes · Less is more').waitFor();

		await blocks.getByRole('button', { name: 'Existing headings' }).click();
		await blocks.getByRole('dialog', { name: 'Select an item of headings' }).getByRole('button', { name: 'About us' }).click();
		await blocks.getByText('headings · About us').waitFor();
		const rows = () => blocks.locator('li.relational-row > span').allInnerTexts();
		t.deepEqual(await rows(), ['headings · Welcome', 'quotes · Less is more', 'headings · About us'], 'each block by its collection and title');

		// The linked heading to the top, then the first one out.
		await blocks.getByRole('button', { name: 'Move headings · About us up' }).click();
		await blocks.getByRole('button', { name: 'Move headings · About us up' }).click();
		await blocks.getByRole('button', { name: 'Remove headings · Welcome' }).click();
		t.deepEqual(await rows(), ['headings · About us', 'quotes · Less is more']);

		await page.getByRole('button', { name: 'Save and stay' }).click();
		await page.getByText('Saved.').waitFor();
		const saved = (
			await api(url, 'GET', '/items/pages/1?fields=blocks.sort,blocks.collection,blocks.item:headings.title,blocks.item:quotes.text&deep[blocks][_sort]=sort')
		).body.data;
		t.deepEqual(
			saved.blocks.map((block: any) => [block.collection, block.item.title ?? block.item.text]),
			[
				['headings', 'About us'],
				['quotes', 'Less is more'],
			],
			'the blocks in the order built, the removed one gone',
		);
		t.is((await api(url, 'GET', '/items/quotes?fields=text')).body.data[0]?.text, 'Less is more', 'the new quote was created');
		t.is((await api(url, 'GET', '/items/headings?fields=id')).body.data.length, 2, 'removing a block leaves its heading in place');
	},
	{ seed: seedPages },
);

studioTest(
	'the files interface uploads several files into a gallery, shows their thumbnails, removes one and saves',
	async ({ t, page, login, open, url }) => {
		await login();
		await open('/content/pages/1');
		const gallery = page.locator('.field[data-field="gallery"]');
		await gallery.getByText('No files.').waitFor();
		await gallery.locator('input[type=file][multiple]').setInputFiles(await images());
		await page.waitForFunction(
			() =>
				[...document.querySelectorAll<HTMLImageElement>('.field[data-field="gallery"] img')].filter((image) => image.complete && image.naturalWidth > 0)
					.length === 2,
		);
		await gallery.getByRole('button', { name: /^Remove .*yellow/i }).click();
		t.is(await gallery.locator('li.relational-row').count(), 1);
		await page.getByRole('button', { name: 'Save and stay' }).click();
		await page.getByText('Saved.').waitFor();
		const saved = (await api(url, 'GET', '/items/pages/1?fields=gallery.directus_files_id.filename_download')).body.data;
		t.deepEqual(
			saved.gallery.map((row: any) => row.directus_files_id.filename_download),
			['green.png'],
		);
		t.is((await api(url, 'GET', '/files?fields=id')).body.data.length, 2, 'both were uploaded to the library; only one is in the gallery');

		await page.reload();
		await page.waitForFunction(() =>
			[...document.querySelectorAll<HTMLImageElement>('.field[data-field="gallery"] img')].some((image) => image.complete && image.naturalWidth > 0),
		);
		t.is(await gallery.locator('li.relational-row').count(), 1, 'the saved gallery shows again');
	},
	{ seed: seedPages },
);

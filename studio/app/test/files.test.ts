import sharp from 'sharp';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { api } from '../../../core/test/helpers/http.js';
import { studioTest } from './helpers/studio.js';
import { seedBlog } from './helpers/seed.js';

async function images(): Promise<string[]> {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'studio-upload-'));
	const files: string[] = [];
	for (const [name, color] of [
		['red.png', '#d33'],
		['blue.png', '#33d'],
	] as const) {
		const file = path.join(dir, name);
		writeFileSync(
			file,
			await sharp({ create: { width: 320, height: 200, channels: 3, background: color } })
				.png()
				.toBuffer(),
		);
		files.push(file);
	}
	return files;
}

studioTest(
	'uploading several images shows progress per file, then their thumbnails; a file opens with its preview and metadata',
	async ({ t, page, login, open, url }) => {
		await login();
		await open('/files');
		await page.getByRole('heading', { name: 'File Library' }).waitFor();
		await page.locator('input[type=file]').setInputFiles(await images());
		const uploads = page.getByRole('list', { name: 'Uploads' });
		await page.waitForFunction(() => [...document.querySelectorAll('ul.uploads li')].filter((item) => item.textContent?.includes('Done')).length === 2);
		t.is(await uploads.locator('progress').count(), 2, 'one progress bar per file');
		const thumbnails = page.getByRole('list', { name: 'Files' }).locator('img');
		await page.waitForFunction(
			() =>
				document.querySelectorAll('ul.file-grid img').length === 2 &&
				[...document.querySelectorAll<HTMLImageElement>('ul.file-grid img')].every((image) => image.complete && image.naturalWidth > 0),
		);
		t.regex((await thumbnails.first().getAttribute('src')) ?? '', /^\/assets\/[0-9a-f-]+\?width=240/);

		await page.getByRole('link', { name: 'Red', exact: true }).click();
		await page.getByRole('heading', { name: 'Red', exact: true }).waitFor();
		await page.waitForFunction(() => {
			const image = document.querySelector<HTMLImageElement>('.preview img');
			return Boolean(image?.complete && image.naturalWidth > 0);
		});
		t.regex((await page.locator('.preview img').getAttribute('src')) ?? '', /^\/assets\/[0-9a-f-]+\?width=800/, 'the preview shows');
		await page.getByLabel('Title').fill('A red square');
		await page.getByRole('button', { name: 'Save' }).click();
		await page.getByRole('heading', { name: 'A red square' }).waitFor();
		const files = (await api(url, 'GET', '/files?fields=title,type')).body.data;
		t.deepEqual(files.map((file: any) => file.title).sort(), ['A red square', 'Blue']);
		t.true(files.every((file: any) => file.type === 'image/png'));

		const red = (await api(url, 'GET', '/files?filter[title][_eq]=A red square&fields=id')).body.data[0].id;
		t.is((await api(url, 'PATCH', '/items/articles/1', { cover: red })).status, 200);
		await open('/content/articles');
		await page.getByRole('button', { name: 'Layout' }).click();
		await page.getByLabel('Layout', { exact: true }).selectOption('cards');
		await page.waitForFunction(() =>
			[...document.querySelectorAll<HTMLImageElement>('ul.cards img')].some((image) => image.complete && image.naturalWidth > 0),
		);
		t.is(await page.locator('ul.cards > li').count(), 3, 'a card per article, the one with a cover showing it');

		await open('/content/articles/2');
		const cover = page.locator('.field[data-field="cover"]');
		await cover.locator('input[type=file]').setInputFiles((await images())[1]!);
		await page.waitForFunction(() =>
			[...document.querySelectorAll<HTMLImageElement>('.field[data-field="cover"] img')].some((image) => image.complete && image.naturalWidth > 0),
		);
		await page.getByRole('button', { name: 'Save and stay' }).click();
		await page.getByText('Saved.').waitFor();
		t.truthy((await api(url, 'GET', '/items/articles/2?fields=cover.type')).body.data.cover?.type, 'the image interface uploaded and linked the file');
	},
	{ seed: (url) => seedBlog(url, { articles: 3 }) },
);

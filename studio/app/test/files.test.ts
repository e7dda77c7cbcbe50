import sharp from 'sharp';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { api } from '../../../core/test/helpers/http.js';
import { studioTest } from './helpers/studio.js';

async function images(): Promise<string[]> {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'studio-upload-'));
	const files: string[] = [];
	for (const [name, color] of [['red.png', '#d33'], ['blue.png', '#33d']] as const) {
		const file = path.join(dir, name);
		writeFileSync(file, await sharp({ create: { width: 320, height: 200, channels: 3, background: color } }).png().toBuffer());
		files.push(file);
	}
	return files;
}

studioTest('uploading several images shows progress per file, then their thumbnails; a file opens with its preview and metadata', async ({ t, page, login, open, url }) => {
	await login();
	await open('/files');
	await page.getByRole('heading', { name: 'File Library' }).waitFor();
	await page.locator('input[type=file]').setInputFiles(await images());
	const uploads = page.getByRole('list', { name: 'Uploads' });
	await page.waitForFunction(() => [...document.querySelectorAll('ul.uploads li')].filter((item) => item.textContent?.includes('Done')).length === 2);
	t.is(await uploads.locator('progress').count(), 2, 'one progress bar per file');
	const thumbnails = page.getByRole('list', { name: 'Files' }).locator('img');
	await page.waitForFunction(() => document.querySelectorAll('ul.file-grid img').length === 2 && [...document.querySelectorAll<HTMLImageElement>('ul.file-grid img')].every((image) => image.complete && image.naturalWidth > 0));
	t.regex((await thumbnails.first().getAttribute('src')) ?? '', /^\/assets\/[0-9a-f-]+\?width=240/);

	await page.getByRole('link', { name: 'Red', exact: true }).click();
	await page.getByRole('heading', { name: 'Red', exact: true }).waitFor();
	t.true(await page.locator('.preview img').evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0), 'the preview shows');
	await page.getByLabel('Title').fill('A red square');
	await page.getByRole('button', { name: 'Save' }).click();
	await page.getByRole('heading', { name: 'A red square' }).waitFor();
	const files = (await api(url, 'GET', '/files?fields=title,type')).body.data;
	t.deepEqual(files.map((file: any) => file.title).sort(), ['A red square', 'Blue']);
	t.true(files.every((file: any) => file.type === 'image/png'));
});

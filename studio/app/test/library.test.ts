import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { api } from '../../../core/test/helpers/http.js';
import { adminToken } from '../../../core/test/helpers/kernel.js';
import { studioTest } from './helpers/studio.js';

function textFile(name: string, content: string): string {
	const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'studio-library-')), name);
	writeFileSync(file, content);
	return file;
}

async function download(page: Page): Promise<{ name: string; content: string }> {
	const [started] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download' }).click()]);
	return { name: started.suggestedFilename(), content: readFileSync((await started.path())!, 'utf8') };
}

studioTest(
	'a folder is created through a dialog; a file uploaded into it is downloaded, replaced, downloaded again with the new content, and deleted',
	async ({ t, page, login, open, url }) => {
		await login();
		await open('/files');
		await page.getByRole('heading', { name: 'File Library' }).waitFor();
		await page.getByRole('button', { name: 'New folder' }).click();
		const dialog = page.getByRole('dialog', { name: 'New folder' });
		await dialog.getByLabel('Folder name').fill('Reports');
		await dialog.getByRole('button', { name: 'Create folder' }).click();
		await page.getByText('Folder “Reports” created.').waitFor();
		t.false(await dialog.isVisible(), 'the dialog closes');
		const folders = (await api(url, 'GET', '/folders?fields=id,name,parent')).body.data;
		t.like(folders, [{ name: 'Reports', parent: null }]);

		await page
			.getByRole('list', { name: 'Folders' })
			.getByRole('link', { name: /Reports/ })
			.click();
		await page.getByRole('heading', { name: 'Reports' }).waitFor();
		await page.locator('input[type=file][multiple]').setInputFiles(textFile('q1.txt', 'first quarter\n'));
		await page.waitForFunction(() => [...document.querySelectorAll('ul.uploads li')].some((item) => item.textContent?.includes('Done')));
		const stored = (await api(url, 'GET', '/files?fields=id,folder,filename_download')).body.data;
		t.like(stored, [{ folder: folders[0].id, filename_download: 'q1.txt' }], 'uploaded into the open folder');

		await page.getByRole('list', { name: 'Files' }).getByRole('link').first().click();
		await page.getByRole('link', { name: 'Download' }).waitFor();
		t.deepEqual(await download(page), { name: 'q1.txt', content: 'first quarter\n' });

		await page.getByText('Replace file').locator('input[type=file]').setInputFiles(textFile('q1-revised.txt', 'first quarter, revised\n'));
		await page.getByText('File replaced.').waitFor();
		const asset = await fetch(`${url}/assets/${stored[0].id}`, { headers: { authorization: `Bearer ${adminToken}` } });
		t.is(await asset.text(), 'first quarter, revised\n', 'the stored content is the new one');
		t.is((await api(url, 'GET', `/files/${stored[0].id}?fields=id`)).body.data.id, stored[0].id, 'under the same id');
		t.is((await download(page)).content, 'first quarter, revised\n', 'the download is the new content, not a cached copy');

		await page.getByRole('button', { name: 'Delete' }).click();
		await page.getByRole('dialog', { name: 'Delete this file?' }).getByRole('button', { name: 'Delete' }).click();
		await page.getByRole('heading', { name: 'Reports' }).waitFor();
		t.deepEqual((await api(url, 'GET', '/files?fields=id')).body.data, [], 'deleted after the dialog asked');
	},
);

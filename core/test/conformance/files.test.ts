import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import {
	createFolder,
	createFolders,
	deleteFile,
	deleteFiles,
	deleteFolder,
	importFile,
	readAssetArrayBuffer,
	readAssetRaw,
	readFile,
	readFiles,
	readFolder,
	readFolders,
	updateFile,
	updateFiles,
	updateFolder,
	uploadFiles,
} from '@directus/sdk';
import { startKernel } from '../helpers/kernel.js';
import { vendorTest } from '../helpers/vendor-test.js';
import { adminClient, sdkError } from './sdk-clients.js';

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
	return Buffer.concat(chunks);
}

/** A web server with one image, for `importFile`. */
async function imageServer(image: Buffer): Promise<{ url: string; close(): Promise<void> }> {
	const server = http.createServer((request, response) => {
		response.writeHead(200, { 'content-type': 'image/png', 'content-length': image.length });
		response.end(image);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/logo.png`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

vendorTest('files, folders and assets through the SDK: upload, import, read raw and transformed, update, delete', async (t, db) => {
	const image = await sharp({ create: { width: 32, height: 16, channels: 3, background: '#3366cc' } })
		.png()
		.toBuffer();
	const web = await imageServer(image);
	// The import comes from this machine, which the import guard refuses unless told otherwise.
	const server = await startKernel(db, { FILES_IMPORT_ALLOW_PRIVATE_NETWORK: 'true' });
	try {
		const client = adminClient(server.url);
		const folder = await client.request(createFolder({ name: 'Brand' }));
		t.like(folder, { name: 'Brand', parent: null });
		const [child] = await client.request(createFolders([{ name: 'Logos', parent: folder.id }]));
		t.like(await client.request(readFolder(child!.id)), { name: 'Logos', parent: folder.id });
		t.like(await client.request(updateFolder(child!.id, { name: 'Marks' })), { name: 'Marks' });
		t.deepEqual(
			(await client.request(readFolders({ sort: ['name'] }))).map((f) => f.name),
			['Brand', 'Marks'],
		);

		const form = new FormData();
		form.append('title', 'Blue banner');
		form.append('folder', folder.id);
		form.append('file', new Blob([image], { type: 'image/png' }), 'banner.png');
		const uploaded = await client.request(uploadFiles(form));
		t.like(uploaded, { title: 'Blue banner', folder: folder.id, type: 'image/png', filename_download: 'banner.png', width: 32, height: 16 });
		t.is(Number(uploaded.filesize), image.length);

		t.deepEqual(await bytesOf(await client.request(readAssetRaw(uploaded.id))), image);
		const resized = await client.request(readAssetRaw(uploaded.id, { transforms: [['resize', { width: 8 }]], format: 'png' } as never));
		t.like(await sharp(await bytesOf(resized)).metadata(), { width: 8, height: 4, format: 'png' });
		const sized = Buffer.from(await client.request(readAssetArrayBuffer(uploaded.id, { width: 4, height: 4, fit: 'cover', format: 'png' } as never)));
		t.like(await sharp(sized).metadata(), { width: 4, height: 4 });
		const tooBig = await sdkError(client.request(readAssetRaw(uploaded.id, { transforms: [['resize', { width: 100000 }]] } as never)));
		t.like(tooBig, { status: 400, code: 'INVALID_QUERY' });
		t.regex(tooBig.message ?? '', /resize width/);

		const imported = await client.request(importFile(web.url, { title: 'Imported logo' }));
		t.like(imported, { title: 'Imported logo', type: 'image/png', width: 32, height: 16 });
		t.deepEqual(await bytesOf(await client.request(readAssetRaw(imported.id))), image);

		t.like(await client.request(updateFile(uploaded.id, { description: 'For the homepage', tags: ['blue', 'banner'] })), {
			description: 'For the homepage',
			tags: ['blue', 'banner'],
		});
		const moved = await client.request(updateFiles([uploaded.id, imported.id], { folder: child!.id }, { fields: ['id', 'folder'] }));
		t.deepEqual(
			moved.map((file) => file.folder),
			[child!.id, child!.id],
		);
		t.deepEqual(
			(await client.request(readFiles({ filter: { folder: { _eq: child!.id } }, fields: ['title'], sort: ['title'] }))).map((f) => f.title),
			['Blue banner', 'Imported logo'],
		);
		t.like(await client.request(readFile(uploaded.id, { fields: ['title', { folder: ['name'] }] })), { title: 'Blue banner', folder: { name: 'Marks' } });

		await client.request(deleteFile(uploaded.id));
		t.like(await sdkError(client.request(readFile(uploaded.id))), { status: 403, code: 'FORBIDDEN' });
		t.like(await sdkError(client.request(readAssetRaw(uploaded.id))), { status: 403, code: 'FORBIDDEN' });
		await client.request(deleteFiles([imported.id]));
		t.deepEqual(await client.request(readFiles()), []);
		await client.request(deleteFolder(child!.id));
		t.deepEqual(
			(await client.request(readFolders())).map((f) => f.name),
			['Brand'],
		);
	} finally {
		await server.stop();
		await web.close();
	}
});

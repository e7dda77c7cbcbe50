import { createHash, randomUUID } from 'node:crypto';
import test, { type ExecutionContext } from 'ava';
import sharp from 'sharp';
import { createTestDatabase, type TestDatabase } from './helpers/databases.js';
import { adminToken } from './helpers/kernel.js';
import { api, errorCode } from './helpers/http.js';
import { getAsset, keysOf, MB, photo, serveOnLoopback, sha256, startFilesKernel, upload, uploadGenerated, userWith } from './helpers/files.js';
import { assertRssGrowthUnder } from './helpers/memory.js';
import { objectStoreTargets, registerPerStore, startLocalFolder, type ObjectStore, type StoreKind } from './helpers/object-stores.js';

/*
 * Limits and boundaries of files and assets, against every storage driver: upload size and type,
 * imports by URL, permissions, decompression bombs, streaming, and moving the default location.
 */
const targets = await objectStoreTargets(['local', 'azure', 's3']);
const image = await photo(640, 480);
test.after.always(() => Promise.all(targets.map((target) => target.store?.stop())));

function driverTest(title: string, body: (t: ExecutionContext, store: ObjectStore, db: TestDatabase, kind: StoreKind) => Promise<void>, serial = false): void {
	registerPerStore(
		targets,
		title,
		async (t, store, kind) => {
			const db = await createTestDatabase('sqlite');
			try {
				await body(t, store, db, kind);
			} finally {
				await db.drop();
			}
		},
		serial,
	);
}

/** A location name no other test uses, so that listing it shows only this test's objects. */
const freshLocation = () => `l${randomUUID().slice(0, 8)}`;

driverTest(
	'a 64 MB upload streams through without the process growing by more than 48 MB',
	async (t, store, db) => {
		const location = freshLocation();
		const { kernel, url, stop } = await startFilesKernel(db, [[location, store]]);
		try {
			const result = await assertRssGrowthUnder(t, 48 * MB, () => uploadGenerated(url, 64 * MB));
			t.is(result.status, 200, JSON.stringify(result.body));
			t.is(Number(result.body.data.filesize), 64 * MB);
			const response = await fetch(`${url}/assets/${result.body.data.id}`, { headers: { authorization: `Bearer ${adminToken}` } });
			const hash = createHash('sha256');
			for await (const chunk of response.body!) hash.update(chunk);
			t.is(hash.digest('hex'), result.sha256, 'the download is byte-identical');
			t.deepEqual((await kernel.storage.location(location).head(result.body.data.filename_disk))?.size, 64 * MB);
		} finally {
			await stop();
		}
	},
	true,
);

driverTest('uploads over FILES_MAX_UPLOAD_SIZE answer 413 and types outside the allow-list 415, storing nothing', async (t, store, db) => {
	const location = freshLocation();
	const { kernel, url, stop } = await startFilesKernel(db, [[location, store]], {
		FILES_MAX_UPLOAD_SIZE: '1MB',
		FILES_MIME_TYPE_ALLOW_LIST: 'image/*,text/plain',
	});
	try {
		const driver = kernel.storage.location(location);
		const big = Buffer.alloc(2 * MB, 7);
		const tooLarge = await upload(url, [{ filename: 'big.txt', type: 'text/plain', content: big }]);
		t.is(tooLarge.status, 413);
		t.is(errorCode(tooLarge), 'CONTENT_TOO_LARGE');
		const wrongType = await upload(url, [{ filename: 'doc.pdf', type: 'application/pdf', content: Buffer.from('%PDF-1.4 tiny') }]);
		t.is(wrongType.status, 415);
		t.is(errorCode(wrongType), 'UNSUPPORTED_MEDIA_TYPE');
		// A generic type is sniffed: a PDF sent as octet-stream is still a PDF.
		const sniffed = await upload(url, [{ filename: 'doc.bin', type: 'application/octet-stream', content: Buffer.from('%PDF-1.4 tiny') }]);
		t.is(sniffed.status, 415);
		// The second part breaks the limit: the first, already stored, is removed too.
		const mixed = await upload(url, [
			{ filename: 'ok.jpg', type: 'image/jpeg', content: image },
			{ filename: 'big.txt', type: 'text/plain', content: big },
		]);
		t.is(mixed.status, 413);
		t.deepEqual(await keysOf(driver.list()), [], 'nothing in the store');
		t.deepEqual(await db.knex('mantle_files').select('id'), [], 'nothing in the table');

		const fine = await upload(url, [{ filename: 'ok.jpg', type: 'image/jpeg', content: image }]);
		t.is(fine.status, 200, 'the limits let allowed files through');
	} finally {
		await stop();
	}
});

driverTest('importing from a loopback URL is refused by default and works when private networks are allowed', async (t, store, db) => {
	const source = await serveOnLoopback(image, 'image/jpeg');
	const location = freshLocation();
	try {
		let running = await startFilesKernel(db, [[location, store]]);
		try {
			for (const target of [`${source.url}/photo.jpg`, `http://localhost:${new URL(source.url).port}/photo.jpg`]) {
				const refused = await api(running.url, 'POST', '/files/import', { url: target });
				t.is(refused.status, 403, target);
				t.regex(refused.body.errors[0].message, /private or local address/);
			}
			t.deepEqual(await keysOf(running.kernel.storage.location(location).list()), []);
			t.deepEqual(await db.knex('mantle_files').select('id'), []);
		} finally {
			await running.stop();
		}
		running = await startFilesKernel(db, [[location, store]], { FILES_IMPORT_ALLOW_PRIVATE_NETWORK: 'true' });
		try {
			const imported = await api(running.url, 'POST', '/files/import', { url: `${source.url}/redirect`, data: { title: 'Imported' } });
			t.is(imported.status, 200, JSON.stringify(imported.body));
			t.like(imported.body.data, { title: 'Imported', type: 'image/jpeg', filename_download: 'photo.jpg', width: 640, height: 480, storage: location });
			t.is(sha256((await getAsset(running.url, `/assets/${imported.body.data.id}`)).body), sha256(image));
		} finally {
			await running.stop();
		}
	} finally {
		await source.stop();
	}
});

driverTest('assets follow read permission on directus_files: without it 403, with it 200', async (t, store, db) => {
	const { url, stop } = await startFilesKernel(db, [[freshLocation(), store]]);
	try {
		const id = (await upload(url, [{ filename: 'photo.jpg', type: 'image/jpeg', content: image }])).body.data.id;
		const noAccess = `no-files-${randomUUID()}`;
		await userWith(url, db, noAccess, []);
		for (const path of [`/assets/${id}`, `/assets/${id}?width=100&format=webp`, `/assets/${id}/photo.jpg?download`]) {
			const denied = await getAsset(url, path, {}, noAccess);
			t.is(denied.status, 403, path);
			t.is(JSON.parse(denied.body.toString()).errors[0].extensions.code, 'FORBIDDEN');
		}
		t.is((await getAsset(url, `/assets/${id}`, {}, null)).status, 403, 'the public role reads no files');
		t.is((await getAsset(url, `/assets/${randomUUID()}`)).status, 403, 'a missing file reads as forbidden, even for an admin');

		const reader = `files-reader-${randomUUID()}`;
		await userWith(url, db, reader, [{ collection: 'directus_files', action: 'read', fields: 'id,title' }]);
		const allowed = await getAsset(url, `/assets/${id}`, {}, reader);
		t.is(allowed.status, 200);
		t.is(sha256(allowed.body), sha256(image));
		const upload403 = await upload(url, [{ filename: 'x.jpg', type: 'image/jpeg', content: image }], {}, { token: reader });
		t.is(upload403.status, 403, 'uploading needs create on directus_files');
		t.is((await db.knex('mantle_files').count({ n: '*' }))[0]!.n, 1);
	} finally {
		await stop();
	}
});

driverTest('a 50-megapixel PNG is stored but refused for transformation with a 400, and the server carries on', async (t, store, db) => {
	const { url, stop } = await startFilesKernel(db, [[freshLocation(), store]]);
	try {
		const bomb = await sharp({ create: { width: 7100, height: 7100, channels: 3, background: '#3366cc' } })
			.png({ compressionLevel: 9 })
			.toBuffer();
		const file = await upload(url, [{ filename: 'huge.png', type: 'image/png', content: bomb }]);
		t.is(file.status, 200, JSON.stringify(file.body));
		t.like(file.body.data, { width: 7100, height: 7100 });
		const refused = await getAsset(url, `/assets/${file.body.data.id}?width=100`);
		t.is(refused.status, 400);
		t.is(JSON.parse(refused.body.toString()).errors[0].extensions.code, 'ILLEGAL_ASSET_TRANSFORMATION');
		// Dimensions unknown to the row: the pixel limit inside sharp refuses it all the same.
		await db.knex('mantle_files').where({ id: file.body.data.id }).update({ width: null, height: null });
		const stillRefused = await getAsset(url, `/assets/${file.body.data.id}?width=101`);
		t.is(stillRefused.status, 400);
		t.is(JSON.parse(stillRefused.body.toString()).errors[0].extensions.code, 'ILLEGAL_ASSET_TRANSFORMATION');
		const tooWide = await getAsset(url, `/assets/${file.body.data.id}?width=9000`);
		t.is(tooWide.status, 400);
		const original = await getAsset(url, `/assets/${file.body.data.id}`);
		t.is(sha256(original.body), sha256(bomb), 'the original is still served as it is');
	} finally {
		await stop();
	}
});

driverTest('files keep their recorded location when STORAGE_LOCATIONS changes the default', async (t, store, db, kind) => {
	const disk = await startLocalFolder();
	const other = freshLocation();
	try {
		let running = await startFilesKernel(db, [
			['disk', disk],
			[other, store],
		]);
		let first: { id: string; storage: string };
		let chosen: { id: string; storage: string };
		try {
			first = (await upload(running.url, [{ filename: 'a.jpg', type: 'image/jpeg', content: image }])).body.data;
			chosen = (await upload(running.url, [{ filename: 'b.txt', type: 'text/plain', content: Buffer.from('chosen') }], { storage: other })).body.data;
			t.is(first.storage, 'disk');
			t.is(chosen.storage, other);
		} finally {
			await running.stop();
		}
		running = await startFilesKernel(db, [
			[other, store],
			['disk', disk],
		]);
		try {
			const second = (await upload(running.url, [{ filename: 'c.jpg', type: 'image/jpeg', content: image }])).body.data;
			t.is(second.storage, other, `the new default (${kind})`);
			t.is(sha256((await getAsset(running.url, `/assets/${first.id}`)).body), sha256(image));
			t.is((await getAsset(running.url, `/assets/${chosen.id}`)).body.toString(), 'chosen');
			t.is(sha256((await getAsset(running.url, `/assets/${second.id}`)).body), sha256(image));
			const thumb = await getAsset(running.url, `/assets/${first.id}?key=system-small-cover`);
			t.like(await sharp(thumb.body).metadata(), { width: 64, height: 64 });
			t.deepEqual((await keysOf(running.kernel.storage.location('disk').list(first.id))).length, 2, 'the variant sits beside its original');
		} finally {
			await running.stop();
		}
	} finally {
		await disk.stop();
	}
});

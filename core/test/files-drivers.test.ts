import test, { type ExecutionContext } from 'ava';
import sharp from 'sharp';
import { transformCount } from '../src/assets/transform.js';
import { createTestDatabase, type TestDatabase } from './helpers/databases.js';
import { api, errorCode } from './helpers/http.js';
import { adminToken, type RunningKernel } from './helpers/kernel.js';
import { getAsset, keysOf, photo, sha256, startFilesKernel, upload } from './helpers/files.js';
import { objectStoreTargets, registerPerStore, type ObjectStore, type StoreKind } from './helpers/object-stores.js';

/*
 * Upload, metadata, download, ranges, validators and transformations, against every storage
 * driver on a real store: local disk, Azure Blob on azurite, S3 on s3rver.
 */
const targets = await objectStoreTargets(['local', 'azure', 's3']);
const image = await photo(1024, 768);

interface Setup {
	db: TestDatabase;
	kernel: RunningKernel;
	/** The location name, which is also the store's kind. */
	location: string;
}

const setups = new Map<StoreKind, Promise<Setup>>();
function setUp(kind: StoreKind, store: ObjectStore): Promise<Setup> {
	let setup = setups.get(kind);
	if (!setup) {
		setup = (async () => {
			const db = await createTestDatabase('sqlite');
			const kernel = await startFilesKernel(db, [[kind, store]]);
			return { db, kernel, location: kind };
		})();
		setups.set(kind, setup);
	}
	return setup;
}

test.after.always(async () => {
	for (const setup of setups.values()) {
		const { kernel, db } = await setup.catch(() => ({ kernel: undefined, db: undefined }));
		await kernel?.stop();
		await db?.drop();
	}
	await Promise.all(targets.map((target) => target.store?.stop()));
});

function driverTest(title: string, body: (t: ExecutionContext, setup: Setup) => Promise<void>, serial = false): void {
	registerPerStore(targets, title, async (t, store, kind) => body(t, await setUp(kind, store)), serial);
}

driverTest('an uploaded image is stored in its location with type, size, dimensions and EXIF recorded', async (t, { kernel, location }) => {
	const { url } = kernel;
	const created = await upload(url, [{ filename: 'holiday_photo.jpg', type: 'image/jpeg', content: image }], { title: 'Holiday' });
	t.is(created.status, 200, JSON.stringify(created.body));
	const file = created.body.data;
	const me = (await api(url, 'GET', '/users/me')).body.data.id;
	t.like(file, { storage: location, filename_download: 'holiday_photo.jpg', title: 'Holiday', type: 'image/jpeg', width: 1024, height: 768, uploaded_by: me });
	t.is(Number(file.filesize), image.length);
	t.is(file.filename_disk, `${file.id}.jpg`);
	t.like(file.metadata?.exif, { Make: 'Mantle Optics', Model: 'Test Camera', Copyright: 'Ada' });
	const info = await kernel.kernel.storage.location(location).head(file.filename_disk);
	t.is(info?.size, image.length, 'the object is in the store');

	const listed = await api(url, 'GET', `/files?filter[id][_eq]=${file.id}&fields=id,type`);
	t.deepEqual(listed.body.data, [{ id: file.id, type: 'image/jpeg' }]);
});

driverTest('several files in one request each get the form fields sent before them', async (t, { kernel }) => {
	const form = new FormData();
	form.append('title', 'First');
	form.append('file', new Blob([Buffer.from('one')], { type: 'text/plain' }), 'one.txt');
	form.append('title', 'Second');
	form.append('file', new Blob([Buffer.from('second file')]), 'two.txt');
	const response = await fetch(`${kernel.url}/files`, { method: 'POST', body: form, headers: { authorization: `Bearer ${adminToken}` } });
	const body = (await response.json()) as { data: unknown };
	t.is(response.status, 200, JSON.stringify(body));
	t.like(body.data, [
		{ title: 'First', type: 'text/plain', filesize: 3, filename_download: 'one.txt' },
		{ title: 'Second', type: 'text/plain', filesize: 11, filename_download: 'two.txt' },
	]);
});

driverTest('the asset downloads byte for byte with its headers, and ?download names the file', async (t, { kernel }) => {
	const { url } = kernel;
	const id = (await upload(url, [{ filename: 'photo.jpg', type: 'image/jpeg', content: image }])).body.data.id;
	const asset = await getAsset(url, `/assets/${id}`);
	t.is(asset.status, 200);
	t.is(sha256(asset.body), sha256(image));
	t.is(asset.headers.get('content-type'), 'image/jpeg');
	t.is(asset.headers.get('content-length'), String(image.length));
	t.is(asset.headers.get('accept-ranges'), 'bytes');
	t.is(asset.headers.get('cache-control'), 'private, max-age=2592000', "a signed-in caller's file stays out of shared caches");
	t.truthy(asset.headers.get('etag'));
	t.true(Math.abs(Date.parse(asset.headers.get('last-modified')!) - Date.now()) < 120_000);
	t.is(asset.headers.get('content-disposition'), null);

	const named = await getAsset(url, `/assets/${id}/photo.jpg?download`);
	t.is(sha256(named.body), sha256(image));
	t.regex(named.headers.get('content-disposition')!, /^attachment; filename="photo\.jpg"/);
});

driverTest('a Range request answers 206 with exactly those bytes; an unsatisfiable one 416', async (t, { kernel }) => {
	const { url } = kernel;
	const id = (await upload(url, [{ filename: 'photo.jpg', type: 'image/jpeg', content: image }])).body.data.id;
	const part = await getAsset(url, `/assets/${id}`, { range: 'bytes=100-1123' });
	t.is(part.status, 206);
	t.is(part.headers.get('content-range'), `bytes 100-1123/${image.length}`);
	t.is(part.headers.get('content-length'), '1024');
	t.true(part.body.equals(image.subarray(100, 1124)));
	const tail = await getAsset(url, `/assets/${id}`, { range: 'bytes=-10' });
	t.true(tail.body.equals(image.subarray(image.length - 10)));
	const beyond = await getAsset(url, `/assets/${id}`, { range: `bytes=${image.length}-` });
	t.is(beyond.status, 416);
});

driverTest('If-None-Match with the current ETag answers 304 without a body; a replaced file gets a new ETag', async (t, { kernel }) => {
	const { url } = kernel;
	const id = (await upload(url, [{ filename: 'photo.jpg', type: 'image/jpeg', content: image }])).body.data.id;
	const etag = (await getAsset(url, `/assets/${id}`)).headers.get('etag')!;
	const again = await getAsset(url, `/assets/${id}`, { 'if-none-match': etag });
	t.is(again.status, 304);
	t.is(again.body.length, 0);
	t.is(again.headers.get('etag'), etag);
	t.is((await getAsset(url, `/assets/${id}`, { 'if-none-match': '"something-else"' })).status, 200);

	const other = await photo(640, 480);
	const replaced = await upload(url, [{ filename: 'smaller.jpg', type: 'image/jpeg', content: other }], {}, { method: 'PATCH', path: `/files/${id}` });
	t.is(replaced.status, 200, JSON.stringify(replaced.body));
	t.like(replaced.body.data, { id, width: 640, height: 480, filename_download: 'smaller.jpg' });
	const fresh = await getAsset(url, `/assets/${id}`, { 'if-none-match': etag });
	t.is(fresh.status, 200);
	t.is(sha256(fresh.body), sha256(other));
	t.not(fresh.headers.get('etag'), etag);
});

driverTest(
	'each output format is produced at the requested size, and the second request is served from the stored variant',
	async (t, { kernel, location }) => {
		const { url } = kernel;
		const driver = kernel.kernel.storage.location(location);
		const id = (await upload(url, [{ filename: 'photo.jpg', type: 'image/jpeg', content: image }])).body.data.id;
		const formats = {
			jpg: ['jpeg', 'image/jpeg'],
			png: ['png', 'image/png'],
			webp: ['webp', 'image/webp'],
			avif: ['heif', 'image/avif'],
			tiff: ['tiff', 'image/tiff'],
		} as const;
		for (const [format, [sharpFormat, type]] of Object.entries(formats)) {
			const before = transformCount();
			const first = await getAsset(url, `/assets/${id}?width=300&format=${format}`);
			t.is(first.status, 200, `${format}: ${first.body.toString().slice(0, 200)}`);
			t.is(first.headers.get('content-type'), type);
			t.like(await sharp(first.body).metadata(), { format: sharpFormat, width: 300, height: 225 }, format);
			t.is(transformCount(), before + 1, `${format} was transformed once`);
			const [variant] = (await keysOf(driver.list(`${id}__`))).filter((key) => key.endsWith(`.${format}`));
			t.truthy(variant, `the ${format} variant is stored beside the original`);
			const stored = await driver.head(variant!);

			const second = await getAsset(url, `/assets/${id}?format=${format}&width=300`);
			t.is(transformCount(), before + 1, `${format} came from the stored variant`);
			t.true(second.body.equals(first.body));
			t.is(second.headers.get('etag'), first.headers.get('etag'));
			t.deepEqual((await driver.head(variant!))?.modified, stored?.modified);
		}
		const cover = await getAsset(url, `/assets/${id}?width=200&height=200&fit=cover&format=webp&quality=60`);
		t.like(await sharp(cover.body).metadata(), { width: 200, height: 200 });
		const inside = await getAsset(url, `/assets/${id}?width=200&height=200&fit=inside&format=png`);
		t.like(await sharp(inside.body).metadata(), { width: 200, height: 150 });
		const rotated = await getAsset(
			url,
			`/assets/${id}?width=300&format=png&transforms=${encodeURIComponent(
				JSON.stringify([
					['rotate', 90],
					['blur', 2],
				]),
			)}`,
		);
		t.like(await sharp(rotated.body).metadata(), { width: 225, height: 300 });
		const auto = await getAsset(url, `/assets/${id}?key=system-medium-cover`, { accept: 'image/webp,*/*' });
		t.is(auto.headers.get('content-type'), 'image/webp');
		t.like(await sharp(auto.body).metadata(), { format: 'webp', width: 300, height: 300 });

		const refused = await getAsset(url, `/assets/${id}?transforms=${encodeURIComponent(JSON.stringify([['composite', []]]))}`);
		t.is(refused.status, 400);
		t.is(JSON.parse(refused.body.toString()).errors[0].extensions.code, 'INVALID_QUERY');
	},
	true,
);

driverTest('deleting a file removes its row, its object and its variants', async (t, { kernel, location }) => {
	const { url } = kernel;
	const driver = kernel.kernel.storage.location(location);
	const file = (await upload(url, [{ filename: 'photo.jpg', type: 'image/jpeg', content: image }])).body.data;
	t.is((await getAsset(url, `/assets/${file.id}?width=120&format=webp`)).status, 200);
	t.is((await keysOf(driver.list(file.id))).length, 2);
	t.is((await api(url, 'DELETE', `/files/${file.id}`)).status, 204);
	t.deepEqual(await keysOf(driver.list(file.id)), []);
	t.is(errorCode(await api(url, 'GET', `/files/${file.id}`)), 'FORBIDDEN');
	const gone = await getAsset(url, `/assets/${file.id}`);
	t.is(gone.status, 403);
});

driverTest('JSON PATCH changes the fields and leaves the content alone', async (t, { kernel }) => {
	const { url } = kernel;
	const file = (await upload(url, [{ filename: 'photo.jpg', type: 'image/jpeg', content: image }])).body.data;
	const patched = await api(url, 'PATCH', `/files/${file.id}`, { title: 'Renamed', description: 'A test photo', filesize: 1 });
	t.is(patched.status, 200, JSON.stringify(patched.body));
	t.like(patched.body.data, { title: 'Renamed', description: 'A test photo', filename_disk: file.filename_disk });
	t.is(Number(patched.body.data.filesize), image.length);
	t.is(sha256((await getAsset(url, `/assets/${file.id}`)).body), sha256(image));
});

test('folders are Directus-style items', async (t) => {
	const target = targets.find((candidate) => candidate.kind === 'local')!;
	// The local store needs no service, so it is always there: its absence is a failure, not a skip.
	if (!target.store) return t.fail('the local folder store did not start');
	const { kernel } = await setUp('local', target.store);
	const parent = await api(kernel.url, 'POST', '/folders', { name: 'Photos' });
	t.is(parent.status, 200, JSON.stringify(parent.body));
	const child = await api(kernel.url, 'POST', '/folders', { name: '2024', parent: parent.body.data.id });
	const file = await upload(kernel.url, [{ filename: 'a.jpg', type: 'image/jpeg', content: image }], { folder: child.body.data.id });
	t.is(file.body.data.folder, child.body.data.id);
	t.deepEqual((await api(kernel.url, 'GET', `/folders?filter[parent][_eq]=${parent.body.data.id}&fields=name`)).body.data, [{ name: '2024' }]);
});

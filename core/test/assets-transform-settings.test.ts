import test from 'ava';
import sharp from 'sharp';
import { createTestDatabase } from './helpers/databases.js';
import { getAsset, photo, startFilesKernel, upload } from './helpers/files.js';
import { startLocalFolder } from './helpers/object-stores.js';

/* Presets, the storage_asset_transform switch and the transformation limits; the driver does not matter here. */
const image = await photo(1024, 768);
const codeOf = (response: { body: Buffer }) => JSON.parse(response.body.toString()).errors[0].extensions.code;

async function withKernel(env: Record<string, string>, body: (url: string, db: Awaited<ReturnType<typeof createTestDatabase>>) => Promise<void>) {
	const db = await createTestDatabase('sqlite');
	const store = await startLocalFolder();
	const running = await startFilesKernel(db, [['local', store]], env);
	try {
		await body(running.url, db);
	} finally {
		await running.stop();
		await store.stop();
		await db.drop();
	}
}

test('presets from settings apply by key; the all/presets/none switch limits what else may be asked', async (t) => {
	await withKernel({}, async (url, db) => {
		const id = (await upload(url, [{ filename: 'photo.jpg', type: 'image/jpeg', content: image }])).body.data.id;
		await db.knex('mantle_settings').del();
		await db.knex('mantle_settings').insert({
			storage_asset_transform: 'presets',
			storage_asset_presets: JSON.stringify([{ key: 'card', width: 120, height: 90, fit: 'cover', format: 'png' }]),
		});

		const card = await getAsset(url, `/assets/${id}?key=card`);
		t.is(card.status, 200);
		t.like(await sharp(card.body).metadata(), { format: 'png', width: 120, height: 90 });
		const custom = await getAsset(url, `/assets/${id}?width=50`);
		t.is(custom.status, 403, 'custom parameters are refused when only presets are allowed');
		t.is(codeOf(custom), 'FORBIDDEN');
		const unknown = await getAsset(url, `/assets/${id}?key=nope`);
		t.is(unknown.status, 400);
		t.is(codeOf(unknown), 'INVALID_QUERY');

		await db.knex('mantle_settings').update({ storage_asset_transform: 'none' });
		t.is((await getAsset(url, `/assets/${id}?key=card`)).status, 403, 'no transformation at all');
		t.is((await getAsset(url, `/assets/${id}?width=50`)).status, 403);
		const thumbnail = await getAsset(url, `/assets/${id}?key=system-small-cover`);
		t.is(thumbnail.status, 200, 'the Studio thumbnails keep working');
		t.like(await sharp(thumbnail.body).metadata(), { width: 64, height: 64 });
		t.is((await getAsset(url, `/assets/${id}`)).status, 200, 'originals are always served');
	});
});

test('a focal point moves the cover crop towards it', async (t) => {
	await withKernel({}, async (url) => {
		// Left half black, right half white: a crop around a point on the right is white.
		const halves = await sharp({ create: { width: 400, height: 200, channels: 3, background: '#000' } })
			.composite([{ input: { create: { width: 200, height: 200, channels: 3, background: '#fff' } }, left: 200, top: 0 }])
			.png()
			.toBuffer();
		const id = (await upload(url, [{ filename: 'halves.png', type: 'image/png', content: halves }])).body.data.id;
		const right = await getAsset(url, `/assets/${id}?width=50&height=100&fit=cover&focal_point_x=390&focal_point_y=100&format=png`);
		const left = await getAsset(url, `/assets/${id}?width=50&height=100&fit=cover&focal_point_x=10&focal_point_y=100&format=png`);
		t.is((await sharp(right.body).stats()).channels[0]!.mean, 255);
		t.is((await sharp(left.body).stats()).channels[0]!.mean, 0);
	});
});

test('transformations beyond ASSETS_TRANSFORM_MAX_CONCURRENT answer 503, and each running one is bounded by ASSETS_TRANSFORM_TIMEOUT', async (t) => {
	const large = await photo(3000, 3000);
	// A generous deadline: on a busy machine a slow transformation must not pass for a refused one.
	await withKernel({ ASSETS_TRANSFORM_MAX_CONCURRENT: '1', ASSETS_TRANSFORM_TIMEOUT: '60s' }, async (url) => {
		const id = (await upload(url, [{ filename: 'large.jpg', type: 'image/jpeg', content: large }])).body.data.id;
		const responses = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => getAsset(url, `/assets/${id}?width=${1000 + n}&format=webp`)));
		const statuses = responses.map((response) => response.status);
		t.true(statuses.includes(200), statuses.join());
		t.true(statuses.includes(503), statuses.join());
		const busy = JSON.parse(responses.find((response) => response.status === 503)!.body.toString()).errors[0];
		t.is(busy.extensions.code, 'SERVICE_UNAVAILABLE');
		t.regex(busy.message, /ASSETS_TRANSFORM_MAX_CONCURRENT/);
	});
	await withKernel({ ASSETS_TRANSFORM_TIMEOUT: '20ms' }, async (url) => {
		const id = (await upload(url, [{ filename: 'large.jpg', type: 'image/jpeg', content: large }])).body.data.id;
		const slow = await getAsset(url, `/assets/${id}?width=2900&format=avif&quality=90&transforms=${encodeURIComponent('[["blur",30]]')}`);
		t.is(slow.status, 503);
		t.regex(JSON.parse(slow.body.toString()).errors[0].message, /ASSETS_TRANSFORM_TIMEOUT/);
		t.is((await getAsset(url, `/assets/${id}`)).status, 200, 'the server carries on');
	});
});

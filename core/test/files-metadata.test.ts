import test from 'ava';
import sharp from 'sharp';
import { parseExif, parseIptc } from '../src/files/exif.js';
import { extensionOf, isAllowedType, resolveType } from '../src/files/mime.js';

const photo = () =>
	sharp({ create: { width: 40, height: 30, channels: 3, background: 'red' } })
		.jpeg()
		.withExif({ IFD0: { Make: 'Mantle Optics', Model: 'Test Camera', Copyright: 'Ada', DateTime: '2024:01:02 03:04:05' } })
		.toBuffer();

/** A JPEG with an APP13 Photoshop block holding IPTC records 2:05 (object name) and 2:25 (keywords). */
function withIptc(jpeg: Buffer): Buffer {
	const record = (dataset: number, value: string) => Buffer.concat([Buffer.from([0x1c, 2, dataset, 0, value.length]), Buffer.from(value)]);
	const records = Buffer.concat([record(5, 'Harbour'), record(25, 'boats'), record(25, 'sea')]);
	const resource = Buffer.concat([Buffer.from('8BIM'), Buffer.from([4, 4, 0, 0, 0, 0, 0, records.length]), records, Buffer.alloc(records.length % 2)]);
	const payload = Buffer.concat([Buffer.from('Photoshop 3.0\0'), resource]);
	const segment = Buffer.concat([Buffer.from([0xff, 0xed, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]), payload]);
	return Buffer.concat([jpeg.subarray(0, 2), segment, jpeg.subarray(2)]);
}

test('EXIF entries people search by are read from the block sharp hands out', async (t) => {
	const { exif } = await sharp(await photo()).metadata();
	t.like(await parseExif(exif), { Make: 'Mantle Optics', Model: 'Test Camera', Copyright: 'Ada', DateTime: '2024:01:02 03:04:05' });
});

test('IPTC object name and keywords are read from the file header; keywords are always a list', async (t) => {
	const image = withIptc(await photo());
	t.truthy((await sharp(image).metadata()).iptc, 'the fixture carries an IPTC block');
	t.deepEqual(await parseIptc(image), { ObjectName: 'Harbour', Keywords: ['boats', 'sea'] });
});

test('malformed or missing metadata yields nothing instead of an error', async (t) => {
	t.is(await parseExif(undefined), undefined);
	t.is(await parseExif(Buffer.from('Exif\0\0II*\0\xff\xff\xff\xff', 'latin1')), undefined);
	t.is(await parseIptc(Buffer.from('not an image')), undefined);
});

test("a stored object keeps the upload's extension when it fits the type, else the type's own", (t) => {
	t.is(extensionOf('image/jpeg', 'photo.jpg'), 'jpg');
	t.is(extensionOf('image/jpeg', 'photo.JPEG'), 'jpeg');
	t.is(extensionOf('image/png', 'photo.jpg'), 'png');
	t.is(extensionOf('application/pdf'), 'pdf');
	t.is(extensionOf('application/x-unknown-thing', 'data.xyz'), 'xyz');
	t.is(extensionOf('application/x-unknown-thing'), 'bin');
});

test('an upload without a useful type is typed by its signature, then by its name', (t) => {
	const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
	t.is(resolveType('text/csv; charset=utf-8', png, 'a.png'), 'text/csv');
	t.is(resolveType('application/octet-stream', png, 'a.txt'), 'image/png');
	t.is(resolveType(undefined, Buffer.from('hello'), 'notes.md'), 'text/markdown');
	t.is(resolveType(undefined, Buffer.from('hello'), 'page.htm'), 'text/html');
	t.is(resolveType(undefined, Buffer.from('hello'), 'no-extension'), 'application/octet-stream');
	t.true(isAllowedType('image/png', ['image/*']));
	t.false(isAllowedType('text/html', ['image/*', 'application/pdf']));
});

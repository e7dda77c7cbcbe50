import test, { type ExecutionContext } from 'ava';
import { PassThrough, Readable } from 'node:stream';
import { MantleError } from '../src/errors/index.js';
import { importFormatFromContentType, parseImport, type ImportFormat } from '../src/items/import/parse-import.js';

async function collect(format: ImportFormat, input: Readable): Promise<Record<string, unknown>[]> {
	const items: Record<string, unknown>[] = [];
	for await (const item of parseImport(format, input)) items.push(item);
	return items;
}

function source(...chunks: (string | Buffer)[]): Readable {
	return Readable.from(chunks.map((chunk) => (typeof chunk === 'string' ? Buffer.from(chunk) : chunk)));
}

async function rejects(t: ExecutionContext, format: ImportFormat, input: Readable, message: string): Promise<void> {
	const error = await t.throwsAsync(collect(format, input), { instanceOf: MantleError });
	t.is(error?.code, 'INVALID_PAYLOAD');
	t.is(error?.message, message);
}

test('a JSON array of items is read item by item, nested values kept', async (t) => {
	const document = JSON.stringify([
		{ id: 1, title: 'Zoë 😀', tags: [{ id: 3 }], author: { name: 'Ann' }, note: null },
		{ id: 2, price: 4.5, ok: true },
	]);
	const bytes = Buffer.from(document);
	t.deepEqual(await collect('json', source(bytes.subarray(0, 20), bytes.subarray(20, 21), bytes.subarray(21))), JSON.parse(document));
});

test('JSON items are yielded before the rest of the file has arrived', async (t) => {
	const input = new PassThrough();
	const reader = parseImport('json', input)[Symbol.asyncIterator]();
	input.write('[{"id":1,"title":"first"},{"id":2,"ti');
	t.deepEqual(await reader.next(), { value: { id: 1, title: 'first' }, done: false });
	input.end('tle":"second"}]');
	t.deepEqual(await reader.next(), { value: { id: 2, title: 'second' }, done: false });
	t.deepEqual(await reader.next(), { value: undefined, done: true });
});

test('a JSON import that is not an array of objects is refused with the item it stopped at', async (t) => {
	await rejects(t, 'json', source('{"id":1}'), 'A JSON import must be an array of items at the top level');
	await rejects(t, 'json', source('[{"id":1}, 5]'), 'Item 1 of the JSON import must be an object, got 5');
	await rejects(t, 'json', source('[{"id":1}, [2]]'), 'Item 1 of the JSON import must be an object, got an array');
	await rejects(t, 'json', source('[null]'), 'Item 0 of the JSON import must be an object, got null');
});

test('malformed JSON is refused with its line and column', async (t) => {
	await rejects(t, 'json', source('[{"id":1},\n', '  {"id": tru}]'), 'Invalid JSON at line 2, column 10: expected a value');
	await rejects(t, 'json', source('[{"id":1},]'), "Invalid JSON at line 1, column 11: unexpected token ']'");
	await rejects(t, 'json', source('[{"id":1}'), "Invalid JSON at line 1, column 10: expected ','");
	await rejects(t, 'json', source(''), 'Invalid JSON at line 1, column 1: expected a value');
	await rejects(t, 'json', source('[]\n[]'), 'Invalid JSON at line 2, column 1: unexpected characters');
});

test('CSV cells become null when empty (quoted or not), JSON when they hold an array or object, and text otherwise', async (t) => {
	const csv =
		'\uFEFFid,title,tags,author.name,author.role.name,note,price\r\n1,"Hello, ""you""","[1,2]",Ann,admin,,4.50\r\n2,"multi\nline","[{""id"":3}]",,,"",[not json\r\n';
	t.deepEqual(await collect('csv', source(csv)), [
		{ id: '1', title: 'Hello, "you"', tags: [1, 2], author: { name: 'Ann', role: { name: 'admin' } }, note: null, price: '4.50' },
		{ id: '2', title: 'multi\nline', tags: [{ id: 3 }], author: { name: null, role: { name: null } }, note: null, price: '[not json' },
	]);
});

test('CSV rows shorter than the header leave the missing columns out, and blank lines are skipped', async (t) => {
	t.deepEqual(await collect('csv', source('id,title,status\n1,a\n\n2,b,draft\n')), [
		{ id: '1', title: 'a' },
		{ id: '2', title: 'b', status: 'draft' },
	]);
	t.deepEqual(await collect('csv', source('id,title\n')), []);
	t.deepEqual(await collect('csv', source('')), []);
});

test('a CSV row with more cells than the header is refused naming its line', async (t) => {
	await rejects(t, 'csv', source('id,title\n1,"two\nlines"\n2,b,extra\n'), 'Line 4 of the CSV import has 3 cells, more than its header has columns');
	const goodRows = Array.from({ length: 50_000 }, (_, index) => `${index},Row ${index}\n`).join('');
	await rejects(
		t,
		'csv',
		source('id,title\n', goodRows.slice(0, 300_000), goodRows.slice(300_000), '7,a,b,c\n'),
		'Line 50002 of the CSV import has 4 cells, more than its header has columns',
	);
});

test('a CSV header must name each column once, without overlapping a column and its nested keys', async (t) => {
	await rejects(t, 'csv', source('id,,title\n1,2,3\n'), 'Column 2 of the CSV header has an empty name');
	await rejects(t, 'csv', source('id,author.\n1,2\n'), 'Column 2 of the CSV header has an empty name ("author.")');
	await rejects(t, 'csv', source('id,title,id\n1,2,3\n'), 'Column "id" appears twice in the CSV header');
	await rejects(
		t,
		'csv',
		source('author,author.name\n1,2\n'),
		'CSV header columns "author" and "author.name" overlap: one can\'t be both a value and an object',
	);
	await rejects(t, 'csv', source('__proto__.x\n1\n'), 'Column 1 of the CSV header can\'t be named "__proto__.x"');
});

test('malformed CSV quoting is refused as an invalid payload', async (t) => {
	const error = await t.throwsAsync(collect('csv', source('id,title\n1,"open\n')), { instanceOf: MantleError });
	t.is(error?.code, 'INVALID_PAYLOAD');
	t.regex(error!.message, /^Invalid CSV: .*quote/i);
});

const manyRows = 100_000;

function csvSource(count: number): Readable {
	return Readable.from(
		(function* () {
			yield 'id,title,author.name\n';
			for (let id = 1; id <= count; id++) yield `${id},"Row, ${id}",Author ${id % 7}\n`;
		})(),
	);
}

function jsonSource(count: number): Readable {
	return Readable.from(
		(function* () {
			yield '[';
			for (let id = 1; id <= count; id++) yield `${id === 1 ? '' : ','}\n{"id":${id},"title":"Row ${id}","author":{"name":"Author ${id % 7}"}}`;
			yield '\n]';
		})(),
	);
}

for (const [format, input] of [
	['csv', csvSource],
	['json', jsonSource],
] as const) {
	test(`a ${manyRows}-row ${format} import comes out whole and in order`, async (t) => {
		let count = 0;
		let ordered = true;
		for await (const item of parseImport(format, input(manyRows))) {
			count++;
			if (String(item.id) !== String(count)) ordered = false;
		}
		t.is(count, manyRows);
		t.true(ordered);
	});
}

test('the import format comes from the content type, else from the file extension', (t) => {
	t.is(importFormatFromContentType('application/json'), 'json');
	t.is(importFormatFromContentType('application/json; charset=utf-8'), 'json');
	t.is(importFormatFromContentType('application/vnd.api+json'), 'json');
	t.is(importFormatFromContentType('TEXT/CSV; charset=utf-8'), 'csv');
	t.is(importFormatFromContentType('application/vnd.ms-excel', 'export.CSV'), 'csv');
	t.is(importFormatFromContentType(undefined, 'items.json'), 'json');
	t.is(importFormatFromContentType('application/octet-stream', 'data/items.csv'), 'csv');
});

test('an import that is neither JSON nor CSV is refused as an unsupported media type', (t) => {
	const error = t.throws(() => importFormatFromContentType('application/pdf', 'items.pdf'), { instanceOf: MantleError });
	t.is(error?.code, 'UNSUPPORTED_MEDIA_TYPE');
	t.is(error?.status, 415);
	t.is(error?.message, 'Can\'t import "application/pdf" ("items.pdf"): send JSON or CSV');
	t.is(t.throws(() => importFormatFromContentType(undefined))?.message, "Can't import a file without a content type: send JSON or CSV");
});

import test from 'ava';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { Readable } from 'node:stream';
import { parse as parseYaml } from 'yaml';
import { exportContentTypes, exportStream } from '../src/items/export/format.js';
import { parseImport } from '../src/items/import/parse-import.js';
import type { ExportFormat } from '../src/items/query/types.js';

const rows = [
	{
		id: 1,
		title: 'Hello, "world"',
		body: 'line one\nline two\r\nthree',
		tags: ['a', 'b,c'],
		author: { name: 'Zoë <&> ]]>', age: 42 },
		published: true,
		rating: 4.5,
		deleted_at: null,
		note: '',
	},
	{
		id: 2,
		title: 'ünïcødé 😀 — ok',
		body: '  padded  ',
		tags: [],
		author: { name: "O'Brien; =SUM(A1)", age: 0 },
		published: false,
		rating: -1,
		deleted_at: null,
		note: 'true',
	},
];

/** The rows' flat columns as CSV and XML give them back: every value text, null an empty string. Each format adds tags and author its own way. */
const flatAsText = [
	{ id: '1', title: 'Hello, "world"', body: 'line one\nline two\r\nthree', published: 'true', rating: '4.5', deleted_at: '', note: '' },
	{ id: '2', title: 'ünïcødé 😀 — ok', body: '  padded  ', published: 'false', rating: '-1', deleted_at: '', note: 'true' },
];

async function* itemsOf(list: Record<string, unknown>[]): AsyncGenerator<Record<string, unknown>> {
	yield* list;
}

async function text(stream: Readable): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

function parseXml(document: string) {
	const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, trimValues: false, htmlEntities: true, isArray: (name) => name === 'item' });
	return parser.parse(document) as { data: { item?: Record<string, unknown>[] } };
}

test('every format has its content type', (t) => {
	t.deepEqual(exportContentTypes, {
		json: 'application/json; charset=utf-8',
		csv: 'text/csv; charset=utf-8',
		xml: 'text/xml; charset=utf-8',
		yaml: 'text/yaml; charset=utf-8',
	});
});

test('JSON export parses back to the same rows', async (t) => {
	t.deepEqual(JSON.parse(await text(exportStream('json', itemsOf(rows)))), rows);
});

test('YAML export parses back to the same rows, types included', async (t) => {
	t.deepEqual(parseYaml(await text(exportStream('yaml', itemsOf(rows)))), rows);
});

test('CSV export flattens nested objects into dotted columns and writes arrays as JSON', async (t) => {
	const csv = await text(exportStream('csv', itemsOf(rows)));
	t.is(csv.split('\n')[0], 'id,title,body,tags,author.name,author.age,published,rating,deleted_at,note');
	t.deepEqual(parseCsv(csv, { columns: true }), [
		{ ...flatAsText[0], tags: '["a","b,c"]', 'author.name': 'Zoë <&> ]]>', 'author.age': '42' },
		{ ...flatAsText[1], tags: '[]', 'author.name': "O'Brien; =SUM(A1)", 'author.age': '0' },
	]);
});

test('CSV export writes null as an empty cell and an empty string as a quoted one, and reads back through the CSV import with nesting and arrays restored', async (t) => {
	const csv = await text(exportStream('csv', itemsOf(rows)));
	t.true(csv.includes(',4.5,,""\n'));
	const imported: Record<string, unknown>[] = [];
	for await (const item of parseImport('csv', Readable.from([csv]))) imported.push(item);
	t.deepEqual(imported[0], {
		id: '1',
		title: 'Hello, "world"',
		body: 'line one\nline two\r\nthree',
		tags: ['a', 'b,c'],
		author: { name: 'Zoë <&> ]]>', age: '42' },
		published: 'true',
		rating: '4.5',
		deleted_at: null,
		note: null,
	});
	t.deepEqual(imported[1].tags, []);
});

test('CSV columns come from the first row: later keys are left out, later objects fill their column as JSON', async (t) => {
	const csv = await text(
		exportStream(
			'csv',
			itemsOf([
				{ id: 1, author: null, meta: {} },
				{ id: 2, author: { name: 'Ann' }, meta: { a: 1 }, extra: 'x' },
			]),
		),
	);
	t.deepEqual(parseCsv(csv, { columns: true }), [
		{ id: '1', author: '', meta: '{}' },
		{ id: '2', author: '{"name":"Ann"}', meta: '{"a":1}' },
	]);
});

test('XML export escapes text, nests objects and repeats item elements for arrays', async (t) => {
	const document = await text(exportStream('xml', itemsOf(rows)));
	t.true(document.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<data>\n<item><id>1</id>'));
	t.true(document.endsWith('</item>\n</data>\n'));
	t.true(document.includes('<tags><item>a</item><item>b,c</item></tags>'));
	t.true(document.includes('<name>Zoë &lt;&amp;&gt; ]]&gt;</name>'));
	t.deepEqual(parseXml(document).data.item, [
		{ ...flatAsText[0], tags: { item: ['a', 'b,c'] }, author: { name: 'Zoë <&> ]]>', age: '42' } },
		{ ...flatAsText[1], tags: '', author: { name: "O'Brien; =SUM(A1)", age: '0' } },
	]);
});

test('XML export writes keys that are not element names as named field elements and drops characters XML cannot hold', async (t) => {
	const document = await text(
		exportStream('xml', itemsOf([{ 'year(published_on)': 2024, '1st place': 'a"b', bell: 'ding\u0007dong', matrix: [[1, 2], [3]], título: 'sí' }])),
	);
	t.true(document.includes('<field name="year(published_on)">2024</field><field name="1st place">a"b</field>'));
	const [item] = parseXml(document).data.item!;
	t.deepEqual(item.field, [
		{ '#text': '2024', '@_name': 'year(published_on)' },
		{ '#text': 'a"b', '@_name': '1st place' },
	]);
	t.is(item.bell, 'dingdong');
	t.deepEqual(item.matrix, { item: [{ item: ['1', '2'] }, { item: ['3'] }] });
	t.is(item.título, 'sí');
});

test('dates and big integers are written as text in every format', async (t) => {
	const row = { at: new Date('2024-01-02T03:04:05.000Z'), big: 9007199254740993n, skipped: undefined };
	t.deepEqual(JSON.parse(await text(exportStream('json', itemsOf([row])))), [{ at: '2024-01-02T03:04:05.000Z', big: '9007199254740993' }]);
	t.deepEqual(parseYaml(await text(exportStream('yaml', itemsOf([row])))), [{ at: '2024-01-02T03:04:05.000Z', big: '9007199254740993' }]);
	t.deepEqual(parseCsv(await text(exportStream('csv', itemsOf([row]))), { columns: true }), [{ at: '2024-01-02T03:04:05.000Z', big: '9007199254740993' }]);
	t.deepEqual(parseXml(await text(exportStream('xml', itemsOf([row])))).data.item, [{ at: '2024-01-02T03:04:05.000Z', big: '9007199254740993' }]);
});

test('an empty export is still a valid document', async (t) => {
	t.is(await text(exportStream('json', itemsOf([]))), '[]');
	t.deepEqual(parseYaml(await text(exportStream('yaml', itemsOf([])))), []);
	t.is(await text(exportStream('csv', itemsOf([]))), '');
	t.is(await text(exportStream('xml', itemsOf([]))), '<?xml version="1.0" encoding="UTF-8"?>\n<data>\n</data>\n');
});

const manyRows = 200_000;

async function* generated(
	count: number,
	progress: { pulled: number; closed: boolean } = { pulled: 0, closed: false },
): AsyncGenerator<Record<string, unknown>> {
	try {
		for (let id = 1; id <= count; id++) {
			progress.pulled = id;
			yield { id, title: `Row ${id}` };
		}
	} finally {
		progress.closed = true;
	}
}

/** Counts lines as the bytes go by, keeping only the last chunk to check the ending. */
async function countLines(stream: Readable): Promise<{ lines: number; last: string }> {
	let lines = 0;
	let last = '';
	for await (const chunk of stream) {
		const buffer = chunk as Buffer;
		for (let index = buffer.indexOf(10); index !== -1; index = buffer.indexOf(10, index + 1)) lines++;
		last = buffer.toString('utf8');
	}
	return { lines, last };
}

const expectedLines: Record<ExportFormat, number> = {
	json: manyRows + 1,
	csv: manyRows + 1,
	xml: manyRows + 3,
	yaml: manyRows * 2,
};

for (const format of ['json', 'csv', 'xml', 'yaml'] as const) {
	test(`a ${manyRows}-row ${format} export streams through whole`, async (t) => {
		const { lines, last } = await countLines(exportStream(format, generated(manyRows)));
		t.is(lines, expectedLines[format]);
		t.true(last.includes(String(manyRows)));
	});
}

test('an export pulls rows only as its output is read, and releases the source when the reader stops', async (t) => {
	const progress = { pulled: 0, closed: false };
	const stream = exportStream('csv', generated(manyRows, progress));
	const reader = stream[Symbol.asyncIterator]();
	const first = await reader.next();
	t.true((first.value as Buffer).toString('utf8').startsWith('id,title\n1,Row 1\n'));
	for (let tick = 0; tick < 20; tick++) await new Promise((resolve) => setImmediate(resolve));
	t.true(progress.pulled > 0 && progress.pulled < 20_000, `pulled ${progress.pulled} rows`);
	await reader.return!();
	await new Promise((resolve) => setImmediate(resolve));
	t.true(progress.closed);
	t.true(progress.pulled < 20_000);
});

import test from 'ava';
import { loadConfig } from '../src/config/index.js';
import { connectDatabase } from '../src/database/connect.js';
import { sqlite } from '../src/database/dialects/sqlite/index.js';
import { migrateLatest } from '../src/database/migrate.js';
import { MantleError } from '../src/errors/index.js';
import { createFieldWriter } from '../src/items/values/coerce-input.js';
import { createFieldReader, createRowReader } from '../src/items/values/normalize-output.js';
import { createCollection } from '../src/schema/operations/collections.js';
import { SchemaStore } from '../src/schema/schema-store.js';
import type { FieldInfo } from '../src/schema/types.js';
import type { TestDatabase } from './helpers/databases.js';
import { vendorTest } from './helpers/vendor-test.js';

const fields = [
	{ field: 'title', type: 'string', schema: { max_length: 10 } },
	{ field: 'body', type: 'text' },
	{ field: 'views', type: 'integer' },
	{ field: 'big', type: 'bigInteger' },
	{ field: 'ratio', type: 'float' },
	{ field: 'price', type: 'decimal', schema: { numeric_precision: 10, numeric_scale: 2 } },
	{ field: 'active', type: 'boolean' },
	{ field: 'day', type: 'date' },
	{ field: 'at', type: 'time' },
	{ field: 'local', type: 'dateTime' },
	{ field: 'moment', type: 'timestamp' },
	{ field: 'data', type: 'json' },
	{ field: 'tags', type: 'csv' },
	{ field: 'ref', type: 'uuid' },
];

/** Mantle's own connection to the test database, with an `articles` collection of every type. */
async function openArticles(db: TestDatabase) {
	const database = connectDatabase(loadConfig({ env: db.env, cwd: process.cwd() }).database);
	await migrateLatest(database.knex);
	const store = new SchemaStore(database.knex, database.dialect);
	await createCollection({ knex: database.knex, dialect: database.dialect, store }, null, { collection: 'articles', schema: {}, meta: {}, fields });
	const collection = (await store.get()).collections.get('articles')!;
	const { knex, dialect } = database;
	const byName = new Map(collection.fields.map((field) => [field.field, field]));

	async function insert(payload: Record<string, unknown>) {
		const row = Object.fromEntries(Object.entries(payload).map(([name, value]) => [name, createFieldWriter(byName.get(name)!, dialect)(value)]));
		await knex('articles').insert(row);
	}
	async function readAll() {
		const columns = collection.fields.map((field) => {
			const expression = field.type === 'alias' ? undefined : dialect.values.selectColumn?.(field.type, '??');
			return expression ? knex.raw(`${expression} as ??`, [field.field, field.field]) : field.field;
		});
		const rows: Array<Record<string, unknown>> = await knex('articles').select(columns).orderBy('id');
		return rows.map(createRowReader(collection.fields, dialect));
	}
	return { knex, byName, insert, readAll, close: database.close };
}

vendorTest('values written through the field writers read back as the same API values on every vendor', async (t, db) => {
	const articles = await openArticles(db);
	try {
		await articles.insert({
			title: 'Hello',
			body: 'A longer text',
			views: '42',
			big: '9007199254740993',
			ratio: 1.5,
			price: '12.5',
			active: 'true',
			day: '2024-03-01',
			at: '10:20',
			local: '2024-03-01T10:20:30',
			moment: '2024-03-01T10:20:30+02:00',
			data: { list: [1, 'two', null], nested: { ok: true } },
			tags: ['a', 'b', 'c'],
			ref: '8F14E45F-CEEA-4E7A-9B1C-2A3B4C5D6E7F',
		});
		await articles.insert({
			title: 7,
			views: -7,
			big: 5,
			ratio: '2.25',
			price: 3,
			active: 0,
			day: '2024-12-31T23:59:59Z',
			at: '23:59:59',
			local: '2024-12-31 23:59:59',
			moment: 1709281230000,
			data: [1, 2, 3],
			tags: 'x,y',
		});
		await articles.insert({ title: 'Nulls', body: null, views: null, active: false, data: 'just text', moment: null });

		const rows = await articles.readAll();
		t.deepEqual(rows[0], {
			id: 1,
			title: 'Hello',
			body: 'A longer text',
			views: 42,
			big: '9007199254740993',
			ratio: 1.5,
			price: '12.50',
			active: true,
			day: '2024-03-01',
			at: '10:20:00',
			local: '2024-03-01T10:20:30',
			moment: '2024-03-01T08:20:30.000Z',
			data: { list: [1, 'two', null], nested: { ok: true } },
			tags: ['a', 'b', 'c'],
			ref: '8f14e45f-ceea-4e7a-9b1c-2a3b4c5d6e7f',
		});
		t.deepEqual(rows[1], {
			id: 2,
			title: '7',
			body: null,
			views: -7,
			big: 5,
			ratio: 2.25,
			price: '3.00',
			active: false,
			day: '2024-12-31',
			at: '23:59:59',
			local: '2024-12-31T23:59:59',
			moment: '2024-03-01T08:20:30.000Z',
			data: [1, 2, 3],
			tags: ['x', 'y'],
			ref: null,
		});
		t.like(rows[2], { title: 'Nulls', body: null, views: null, big: null, active: false, data: 'just text', moment: null, tags: null, day: null });
	} finally {
		await articles.close();
	}
});

vendorTest('a string longer than its max_length is VALUE_TOO_LONG before it reaches the database', async (t, db) => {
	const articles = await openArticles(db);
	try {
		const error = await t.throwsAsync(articles.insert({ title: 'Eleven char' }), { instanceOf: MantleError });
		t.is(error?.code, 'VALUE_TOO_LONG');
		t.is(error?.message, 'Value for field "title" in collection "articles" is too long.');
		t.deepEqual(error?.extensions, { collection: 'articles', field: 'title' });
		await articles.insert({ title: 'Ten chars!' });
		t.deepEqual(
			(await articles.readAll()).map((row) => row.title),
			['Ten chars!'],
		);
	} finally {
		await articles.close();
	}
});

function field(type: FieldInfo['type'], schema: Partial<NonNullable<FieldInfo['schema']>> = {}): FieldInfo {
	return {
		collection: 'articles',
		field: 'views',
		type,
		meta: null,
		schema: { max_length: null, numeric_precision: null, numeric_scale: null, ...schema } as FieldInfo['schema'],
	};
}

const invalid: Array<[FieldInfo['type'], unknown, string]> = [
	['integer', 'abc', 'Invalid value "abc" for field "views" in collection "articles": expected an integer.'],
	['integer', 4.5, 'Invalid value "4.5" for field "views" in collection "articles": expected an integer.'],
	['integer', true, 'Invalid value "true" for field "views" in collection "articles": expected an integer.'],
	['bigInteger', '12.5', 'Invalid value "12.5" for field "views" in collection "articles": expected an integer.'],
	['bigInteger', '99999999999999999999', 'Invalid value "99999999999999999999" for field "views" in collection "articles": expected a 64-bit integer.'],
	['float', 'many', 'Invalid value "many" for field "views" in collection "articles": expected a number.'],
	['float', Number.POSITIVE_INFINITY, 'Invalid value "Infinity" for field "views" in collection "articles": expected a number.'],
	['decimal', '1,5', 'Invalid value "1,5" for field "views" in collection "articles": expected a decimal number.'],
	['boolean', 'yes', 'Invalid value "yes" for field "views" in collection "articles": expected a boolean.'],
	['boolean', 2, 'Invalid value "2" for field "views" in collection "articles": expected a boolean.'],
	['string', { a: 1 }, 'Invalid value "{"a":1}" for field "views" in collection "articles": expected a string.'],
	['text', ['a'], 'Invalid value "["a"]" for field "views" in collection "articles": expected a string.'],
	['uuid', 'not-a-uuid', 'Invalid value "not-a-uuid" for field "views" in collection "articles": expected a UUID.'],
	['json', 10n, 'Invalid value "10" for field "views" in collection "articles": expected a JSON value.'],
	['csv', [{ a: 1 }], 'Invalid value "[{"a":1}]" for field "views" in collection "articles": expected a list of strings.'],
	['date', '2024-13-45', 'Invalid value "2024-13-45" for field "views" in collection "articles": expected a date (YYYY-MM-DD).'],
	['date', '2023-02-29', 'Invalid value "2023-02-29" for field "views" in collection "articles": expected a date (YYYY-MM-DD).'],
	['date', 'yesterday', 'Invalid value "yesterday" for field "views" in collection "articles": expected a date (YYYY-MM-DD).'],
	['time', '25:00', 'Invalid value "25:00" for field "views" in collection "articles": expected a time (HH:MM:SS).'],
	[
		'dateTime',
		'2024-03-01T10:61:00',
		'Invalid value "2024-03-01T10:61:00" for field "views" in collection "articles": expected a date and time (YYYY-MM-DDTHH:MM:SS).',
	],
	['timestamp', 'yesterday', 'Invalid value "yesterday" for field "views" in collection "articles": expected a timestamp (ISO 8601 or epoch milliseconds).'],
	[
		'timestamp',
		'2024-13-45T00:00:00Z',
		'Invalid value "2024-13-45T00:00:00Z" for field "views" in collection "articles": expected a timestamp (ISO 8601 or epoch milliseconds).',
	],
];

for (const [type, value, message] of invalid) {
	test(`a field of type ${type} refuses ${typeof value === 'bigint' ? `${value}n` : (JSON.stringify(value) ?? String(value))} as INVALID_PAYLOAD naming the field`, (t) => {
		const error = t.throws(() => createFieldWriter(field(type), sqlite)(value), { instanceOf: MantleError });
		t.is(error?.code, 'INVALID_PAYLOAD');
		t.is(error?.message, message);
		t.deepEqual(error?.extensions, { collection: 'articles', field: 'views' });
	});
}

test('null and absent values pass the writers unchanged', (t) => {
	for (const type of ['integer', 'string', 'boolean', 'json', 'timestamp'] as const) {
		const write = createFieldWriter(field(type), sqlite);
		t.is(write(null), null, type);
		t.is(write(undefined), undefined, type);
	}
});

test('a string of astral characters counts characters, not UTF-16 units, against max_length', (t) => {
	const write = createFieldWriter(field('string', { max_length: 3 }), sqlite);
	t.is(write('😀😀😀'), '😀😀😀');
	t.throws(() => write('😀😀😀😀'), { message: 'Value for field "views" in collection "articles" is too long.' });
});

test('SQLite rows knex stored from JS Dates (epoch milliseconds) read as the API forms', (t) => {
	const ms = Date.parse('2024-03-01T08:20:30.250Z');
	t.is(createFieldReader(field('timestamp'), sqlite)(ms), '2024-03-01T08:20:30.250Z');
	t.is(createFieldReader(field('dateTime'), sqlite)(ms), '2024-03-01T08:20:30');
	t.is(createFieldReader(field('date'), sqlite)(ms), '2024-03-01');
	t.is(createFieldReader(field('timestamp'), sqlite)('2024-03-01 08:20:30'), '2024-03-01T08:20:30.000Z', 'CURRENT_TIMESTAMP text is UTC');
});

test('SQLite stores timestamps as UTC text that sorts as the instants do', (t) => {
	const write = createFieldWriter(field('timestamp'), sqlite);
	t.is(write('2024-03-01T10:20:30+02:00'), '2024-03-01 08:20:30.000');
	t.is(write('2024-03-01T10:20:30.5Z'), '2024-03-01 10:20:30.500');
	t.true(String(write('2024-03-01T09:00:00+02:00')) < String(write('2024-03-01T08:00:00Z')));
});

import type { Knex } from 'knex';
import { dialectFor, fieldTypeOf } from '../src/database/dialects/index.js';
import type { FieldType } from '../src/database/introspection/field-types.js';
import type { RawColumn, RawSchema } from '../src/database/introspection/types.js';
import type { TestVendor } from './helpers/databases.js';
import { snapshotRows } from './helpers/snapshot.js';
import { vendorTest } from './helpers/vendor-test.js';

const clientOf = { sqlite: 'sqlite3', postgres: 'pg', mysql: 'mysql' } as const;
const introspect = (vendor: TestVendor, knex: Knex) => dialectFor(clientOf[vendor]).introspect(knex);

// The same blog, written as each vendor's own SQL would write it by hand.
const blog: Record<TestVendor, string[]> = {
	sqlite: [
		`create table authors (id integer primary key autoincrement, name varchar(100) not null, email varchar(255) unique,
		   active boolean not null default 1, created_at datetime default CURRENT_TIMESTAMP)`,
		`create table articles (id char(36) primary key not null, title varchar(200) not null default 'Untitled', status varchar(20) default 'draft',
		   views integer not null default 0, price decimal(10,2), author integer references authors (id) on delete set null, body text)`,
		`create table tags (id integer primary key autoincrement, label varchar(50) not null unique)`,
		`create table article_tags (article char(36) not null references articles (id) on delete cascade on update cascade,
		   tag integer not null references tags (id) on delete cascade, position integer, primary key (article, tag))`,
		`create index article_tags_tag_position on article_tags (tag, position)`,
		`create view published as select id, title from articles where status = 'published'`,
	],
	postgres: [
		`create table authors (id serial primary key, name varchar(100) not null, email varchar(255) unique,
		   active boolean not null default true, created_at timestamptz default now())`,
		`create table articles (id uuid primary key, title varchar(200) not null default 'Untitled', status varchar(20) default 'draft',
		   views integer not null default 0, price numeric(10,2), author integer references authors (id) on delete set null, body text)`,
		`create table tags (id serial primary key, label varchar(50) not null unique)`,
		`create table article_tags (article uuid not null references articles (id) on delete cascade on update cascade,
		   tag integer not null references tags (id) on delete cascade, position integer, primary key (article, tag))`,
		`create index article_tags_tag_position on article_tags (tag, position)`,
		`create view published as select id, title from articles where status = 'published'`,
	],
	mysql: [
		`create table authors (id int auto_increment primary key, name varchar(100) not null, email varchar(255) unique,
		   active tinyint(1) not null default 1, created_at timestamp null default current_timestamp)`,
		`create table articles (id char(36) primary key, title varchar(200) not null default 'Untitled', status varchar(20) default 'draft',
		   views int not null default 0, price decimal(10,2), author int null, body text,
		   foreign key (author) references authors (id) on delete set null)`,
		`create table tags (id int auto_increment primary key, label varchar(50) not null unique)`,
		`create table article_tags (article char(36) not null, tag int not null, position int, primary key (article, tag),
		   foreign key (article) references articles (id) on delete cascade on update cascade,
		   foreign key (tag) references tags (id) on delete cascade)`,
		`create index article_tags_tag_position on article_tags (tag, position)`,
		`create view published as select id, title from articles where status = 'published'`,
	],
};

/** Column definitions as the vendor's own tools show them, read without our code. */
async function definitions(vendor: TestVendor, knex: Knex): Promise<unknown> {
	if (vendor === 'sqlite') return knex.raw(`select type, name, sql from sqlite_master order by name`);
	if (vendor === 'postgres') {
		const result = await knex.raw(
			`select table_name, column_name, data_type, column_default, is_nullable, character_maximum_length
			 from information_schema.columns where table_schema = 'public' order by table_name, ordinal_position`,
		);
		return result.rows;
	}
	const tables = ['authors', 'articles', 'tags', 'article_tags'];
	return Promise.all(tables.map(async (table) => (await knex.raw(`show create table ${table}`))[0]));
}

function column(schema: RawSchema, table: string, name: string): RawColumn {
	const found = schema.columns.find((c) => c.table === table && c.name === name);
	if (!found) throw new Error(`no column ${table}.${name} in the introspected schema`);
	return found;
}

vendorTest('introspection reads tables, columns, keys, indexes and views of a hand-written database, and changes nothing', async (t, db) => {
	for (const statement of blog[db.vendor]) await db.knex.raw(statement);
	const articleId = '3f0c5b8e-6a51-4d1e-9a3b-0d7c2f1e4a55';
	await db.knex('authors').insert({ name: 'Ada', email: 'ada@example.com' });
	const author = await db.knex('authors').where({ email: 'ada@example.com' }).first();
	await db.knex('articles').insert({ id: articleId, title: 'Notes', price: '12.50', author: author.id });
	await db.knex('tags').insert({ label: 'math' });
	const tables = ['authors', 'articles', 'tags', 'article_tags'];
	const before = { definitions: await definitions(db.vendor, db.knex), rows: await snapshotRows(db.knex, tables) };

	const schema = await introspect(db.vendor, db.knex);
	const type = (table: string, name: string): FieldType => fieldTypeOf(column(schema, table, name), dialectFor(clientOf[db.vendor]).vendor);

	t.deepEqual(schema.tables.map((table) => table.name).sort(), ['article_tags', 'articles', 'authors', 'tags']);
	t.deepEqual(schema.views, ['published']);
	t.false(
		schema.columns.some((c) => c.table === 'published'),
		'a view has no columns among the tables',
	);

	const expectedTypes: Array<[string, string, FieldType]> = [
		['authors', 'id', 'integer'],
		['authors', 'name', 'string'],
		['authors', 'email', 'string'],
		['authors', 'active', 'boolean'],
		['authors', 'created_at', db.vendor === 'sqlite' ? 'dateTime' : 'timestamp'],
		['articles', 'id', 'uuid'],
		['articles', 'title', 'string'],
		['articles', 'views', 'integer'],
		['articles', 'price', 'decimal'],
		['articles', 'author', 'integer'],
		['articles', 'body', 'text'],
		['article_tags', 'article', 'uuid'],
	];
	for (const [table, name, expected] of expectedTypes) t.is(type(table, name), expected, `${table}.${name} is a ${expected}`);

	t.is(column(schema, 'articles', 'title').defaultValue, 'Untitled');
	t.is(column(schema, 'articles', 'status').defaultValue, 'draft');
	t.is(column(schema, 'articles', 'views').defaultValue, 0);
	t.is(column(schema, 'authors', 'active').defaultValue, true);
	t.is(column(schema, 'authors', 'created_at').defaultValue, 'CURRENT_TIMESTAMP');
	t.is(column(schema, 'articles', 'price').defaultValue, null);
	t.is(column(schema, 'authors', 'id').defaultValue, null, 'a sequence is not a default a client could send');

	t.is(column(schema, 'articles', 'title').maxLength, 200);
	t.is(column(schema, 'authors', 'name').maxLength, 100);
	t.like(column(schema, 'articles', 'price'), { numericPrecision: 10, numericScale: 2 });

	t.like(column(schema, 'authors', 'id'), { isPrimaryKey: true, hasAutoIncrement: true, isNullable: false });
	t.like(column(schema, 'articles', 'id'), { isPrimaryKey: true, hasAutoIncrement: false, isNullable: false });
	t.like(column(schema, 'article_tags', 'article'), { isPrimaryKey: true, isUnique: false });
	t.like(column(schema, 'article_tags', 'tag'), { isPrimaryKey: true, isUnique: false });
	t.like(column(schema, 'article_tags', 'position'), { isPrimaryKey: false, isNullable: true });
	t.like(column(schema, 'authors', 'email'), { isUnique: true, isNullable: true, isPrimaryKey: false });
	t.like(column(schema, 'tags', 'label'), { isUnique: true, isNullable: false });
	t.like(column(schema, 'authors', 'name'), { isUnique: false, isNullable: false });
	t.like(column(schema, 'articles', 'status'), { isNullable: true });

	const foreignKey = (table: string, name: string) => schema.foreignKeys.find((fk) => fk.table === table && fk.column === name);
	t.like(foreignKey('articles', 'author'), { foreignKeyTable: 'authors', foreignKeyColumn: 'id', onDelete: 'SET NULL' });
	t.like(foreignKey('article_tags', 'article'), { foreignKeyTable: 'articles', foreignKeyColumn: 'id', onDelete: 'CASCADE', onUpdate: 'CASCADE' });
	t.like(foreignKey('article_tags', 'tag'), { foreignKeyTable: 'tags', foreignKeyColumn: 'id', onDelete: 'CASCADE' });
	t.is(schema.foreignKeys.length, 3);

	const composite = schema.indexes.find((index) => index.name === 'article_tags_tag_position');
	t.like(composite, { table: 'article_tags', columns: ['tag', 'position'], unique: false, primary: false });
	if (db.vendor !== 'sqlite') {
		t.like(
			schema.indexes.find((index) => index.table === 'article_tags' && index.primary),
			{ columns: ['article', 'tag'], unique: true },
		);
	}

	t.deepEqual({ definitions: await definitions(db.vendor, db.knex), rows: await snapshotRows(db.knex, tables) }, before);
});

// What knex's schema builder creates for each column type Mantle's API will create columns with.
const builderColumns: Array<[string, FieldType, (table: Knex.CreateTableBuilder) => void]> = [
	['a_string', 'string', (table) => table.string('a_string')],
	['a_text', 'text', (table) => table.text('a_text')],
	['an_integer', 'integer', (table) => table.integer('an_integer')],
	['a_big_integer', 'bigInteger', (table) => table.bigInteger('a_big_integer')],
	['a_float', 'float', (table) => table.float('a_float')],
	['a_decimal', 'decimal', (table) => table.decimal('a_decimal', 10, 2)],
	['a_boolean', 'boolean', (table) => table.boolean('a_boolean')],
	['a_date', 'date', (table) => table.date('a_date')],
	['a_time', 'time', (table) => table.time('a_time')],
	['a_date_time', 'dateTime', (table) => table.dateTime('a_date_time', { useTz: false })],
	['a_timestamp', 'timestamp', (table) => table.timestamp('a_timestamp', { useTz: true })],
	['a_json', 'json', (table) => table.json('a_json')],
	['a_uuid', 'uuid', (table) => table.uuid('a_uuid')],
	['a_binary', 'binary', (table) => table.binary('a_binary')],
];

// SQLite has one spelling for both time types and none for exact decimals: knex writes `datetime` and `float`.
const collapsed: Partial<Record<TestVendor, Record<string, FieldType>>> = {
	sqlite: { a_timestamp: 'dateTime', a_decimal: 'float' },
};

vendorTest('columns created through the knex schema builder come back as the Mantle field type they were created as', async (t, db) => {
	await db.knex.schema.createTable('every_type', (table) => {
		table.increments('id');
		for (const [, , add] of builderColumns) add(table);
	});
	const schema = await introspect(db.vendor, db.knex);
	const vendor = dialectFor(clientOf[db.vendor]).vendor;
	t.is(fieldTypeOf(column(schema, 'every_type', 'id'), vendor), 'integer');
	t.true(column(schema, 'every_type', 'id').hasAutoIncrement);
	for (const [name, expected] of builderColumns) {
		const want = collapsed[db.vendor]?.[name] ?? expected;
		t.is(fieldTypeOf(column(schema, 'every_type', name), vendor), want, `${name} (${column(schema, 'every_type', name).dataType})`);
	}
});

import { readFileSync } from 'node:fs';
import test from 'ava';
import { buildSchema as buildMssql, type MssqlCatalog } from '../src/database/dialects/mssql/introspect.js';
import { buildSchema as buildOracle, type OracleCatalog } from '../src/database/dialects/oracle/introspect.js';
import { fieldTypeOf } from '../src/database/dialects/index.js';
import type { RawColumn, RawSchema } from '../src/database/introspection/types.js';

// Catalog rows as SQL Server 2022 and Oracle 23ai return them for the blog schema (no live server here).
const recorded = <T>(name: string): T => JSON.parse(readFileSync(new URL(`./fixtures/catalog/${name}.json`, import.meta.url), 'utf8'));

function column(schema: RawSchema, table: string, name: string): RawColumn {
	const found = schema.columns.find((c) => c.table === table && c.name === name);
	if (!found) throw new Error(`no column ${table}.${name}`);
	return found;
}

test('SQL Server catalog rows become the raw schema: types, normalised defaults, lengths, keys and views', (t) => {
	const schema = buildMssql(recorded<MssqlCatalog>('mssql'));
	const type = (table: string, name: string) => fieldTypeOf(column(schema, table, name), 'mssql');

	t.deepEqual(schema.tables, [
		{ name: 'article_tags', schema: 'dbo' },
		{ name: 'articles', schema: 'dbo', comment: 'Blog posts' },
		{ name: 'authors', schema: 'dbo' },
	]);
	t.deepEqual(schema.views, ['published']);

	t.deepEqual(
		['id', 'title', 'views', 'price', 'featured', 'published_at', 'created_at', 'body', 'meta', 'author', 'cover'].map((name) => type('articles', name)),
		['uuid', 'string', 'integer', 'decimal', 'boolean', 'timestamp', 'dateTime', 'text', 'json', 'integer', 'binary'],
	);
	t.is(type('authors', 'email'), 'string');
	t.is(type('authors', 'born'), 'date');

	t.like(column(schema, 'articles', 'title'), { defaultValue: 'Untitled', maxLength: 200, isNullable: false, comment: 'Shown in lists' });
	t.like(column(schema, 'articles', 'views'), { defaultValue: 0 });
	t.like(column(schema, 'articles', 'price'), { defaultValue: 9.99, numericPrecision: 10, numericScale: 2, isNullable: true });
	t.is(column(schema, 'articles', 'featured').defaultValue, true);
	t.is(column(schema, 'articles', 'published_at').defaultValue, 'CURRENT_TIMESTAMP');
	t.is(column(schema, 'articles', 'created_at').defaultValue, 'CURRENT_TIMESTAMP');
	t.is(column(schema, 'articles', 'id').defaultValue, 'newid()', 'an expression with no portable meaning stays as written');
	t.is(column(schema, 'articles', 'body').maxLength, null);
	t.is(column(schema, 'authors', 'email').maxLength, 255);

	t.like(column(schema, 'authors', 'id'), { isPrimaryKey: true, hasAutoIncrement: true, isUnique: true });
	t.like(column(schema, 'articles', 'id'), { isPrimaryKey: true, hasAutoIncrement: false });
	t.like(column(schema, 'authors', 'email'), { isUnique: true, isPrimaryKey: false });
	t.like(column(schema, 'article_tags', 'tag'), { isPrimaryKey: true, isUnique: false });

	t.deepEqual(schema.foreignKeys, [
		{
			table: 'article_tags',
			column: 'article',
			foreignKeyTable: 'articles',
			foreignKeyColumn: 'id',
			constraintName: 'article_tags_article_foreign',
			onDelete: 'CASCADE',
			onUpdate: 'CASCADE',
		},
		{
			table: 'articles',
			column: 'author',
			foreignKeyTable: 'authors',
			foreignKeyColumn: 'id',
			constraintName: 'articles_author_foreign',
			onDelete: 'SET NULL',
			onUpdate: 'NO ACTION',
		},
	]);
	t.deepEqual(
		schema.indexes.find((index) => index.name === 'article_tags_tag_position'),
		{ table: 'article_tags', name: 'article_tags_tag_position', columns: ['tag', 'position'], unique: false, primary: false },
	);
	t.deepEqual(schema.indexes.find((index) => index.table === 'article_tags' && index.primary)?.columns, ['article', 'tag']);
});

test('Oracle catalog rows become the raw schema: NUMBER precisions, RAW(16) ids, JSON checks, identity columns', (t) => {
	const schema = buildOracle(recorded<OracleCatalog>('oracle'));
	const type = (table: string, name: string) => fieldTypeOf(column(schema, table, name), 'oracle');

	t.deepEqual(
		schema.tables.map((table) => table.name),
		['ARTICLE_TAGS', 'ARTICLES', 'AUTHORS'],
	);
	t.deepEqual(schema.views, ['PUBLISHED']);

	t.deepEqual(
		['ID', 'TITLE', 'VIEWS', 'PRICE', 'FEATURED', 'PUBLISHED_AT', 'CREATED_ON', 'BODY', 'META', 'AUTHOR', 'SLUG'].map((name) => type('ARTICLES', name)),
		// NUMBER(10,0) can exceed a 32-bit integer: it is read as a big integer.
		['uuid', 'string', 'bigInteger', 'decimal', 'boolean', 'timestamp', 'dateTime', 'text', 'json', 'integer', 'uuid'],
	);
	t.deepEqual(
		['ID', 'EMAIL', 'BIG', 'PHOTO'].map((name) => type('AUTHORS', name)),
		['integer', 'string', 'bigInteger', 'binary'],
	);

	t.like(column(schema, 'ARTICLES', 'TITLE'), { defaultValue: 'Untitled', maxLength: 200, isNullable: false, comment: 'Shown in lists' });
	t.is(column(schema, 'ARTICLES', 'VIEWS').defaultValue, 0);
	t.is(column(schema, 'ARTICLES', 'FEATURED').defaultValue, true);
	t.is(column(schema, 'ARTICLES', 'PUBLISHED_AT').defaultValue, 'CURRENT_TIMESTAMP');
	t.is(column(schema, 'ARTICLES', 'CREATED_ON').defaultValue, 'CURRENT_TIMESTAMP');
	t.like(column(schema, 'ARTICLES', 'PRICE'), { defaultValue: null, numericPrecision: 10, numericScale: 2 });
	t.is(column(schema, 'AUTHORS', 'EMAIL').maxLength, 255, 'lengths are in characters, not bytes');

	t.like(column(schema, 'AUTHORS', 'ID'), { isPrimaryKey: true, hasAutoIncrement: true, defaultValue: null });
	t.like(column(schema, 'ARTICLES', 'ID'), { isPrimaryKey: true, hasAutoIncrement: false });
	t.like(column(schema, 'AUTHORS', 'EMAIL'), { isUnique: true, isNullable: true });
	t.like(column(schema, 'ARTICLE_TAGS', 'ARTICLE'), { isPrimaryKey: true, isUnique: false });

	t.deepEqual(schema.foreignKeys, [
		{
			table: 'ARTICLE_TAGS',
			column: 'ARTICLE',
			foreignKeyTable: 'ARTICLES',
			foreignKeyColumn: 'ID',
			constraintName: 'ARTICLE_TAGS_ARTICLE_FOREIGN',
			onDelete: 'CASCADE',
			onUpdate: 'NO ACTION',
		},
		{
			table: 'ARTICLES',
			column: 'AUTHOR',
			foreignKeyTable: 'AUTHORS',
			foreignKeyColumn: 'ID',
			constraintName: 'ARTICLES_AUTHOR_FOREIGN',
			onDelete: 'SET NULL',
			onUpdate: 'NO ACTION',
		},
	]);
	t.deepEqual(
		schema.indexes.find((index) => index.name === 'ARTICLE_TAGS_TAG_POSITION'),
		{ table: 'ARTICLE_TAGS', name: 'ARTICLE_TAGS_TAG_POSITION', columns: ['TAG', 'POSITION'], unique: false, primary: false },
	);
	t.true(schema.indexes.find((index) => index.name === 'ARTICLE_TAGS_PKEY')?.primary);
	t.false(
		schema.indexes.some((index) => index.name === 'AUTHORS_LOWER_EMAIL'),
		'an index on an expression only names no column',
	);
});

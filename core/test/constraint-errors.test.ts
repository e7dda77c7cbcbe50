import test from 'ava';
import type { Knex } from 'knex';
import { loadConfig } from '../src/config/index.js';
import { connectDatabase } from '../src/database/connect.js';
import { mssql } from '../src/database/dialects/mssql/index.js';
import { oracle } from '../src/database/dialects/oracle/index.js';
import type { Dialect } from '../src/database/dialects/types.js';
import { migrateLatest } from '../src/database/migrate.js';
import { MantleError } from '../src/errors/index.js';
import { toConstraintError } from '../src/items/values/constraint-errors.js';
import { SchemaStore } from '../src/schema/schema-store.js';
import type { FieldInfo, FieldSchema, SchemaOverview } from '../src/schema/types.js';
import type { TestDatabase } from './helpers/databases.js';
import { vendorTest } from './helpers/vendor-test.js';

/** `articles` (unique slug, required title of 10, smallint rating, author -> authors) with one row. */
async function openArticles(db: TestDatabase) {
	const database = connectDatabase(loadConfig({ env: db.env, cwd: process.cwd() }).database);
	const { knex, dialect } = database;
	await migrateLatest(knex);
	await knex.schema.createTable('authors', (table) => {
		table.increments('id');
		table.string('name', 50);
	});
	await knex.schema.createTable('articles', (table) => {
		table.increments('id');
		table.string('slug', 20).unique();
		table.string('title', 10).notNullable();
		table.smallint('rating');
		const author = table.integer('author');
		if (dialect.unsignedAutoIncrement) author.unsigned();
		author.references('id').inTable('authors');
	});
	await knex('authors').insert({ name: 'Ada' });
	await knex('articles').insert({ slug: 'taken', title: 'First', author: 1 });
	const schema = await new SchemaStore(knex, dialect).get();

	/** Inserts straight through knex (no writer checks) and translates what the database refuses. */
	async function violate(payload: Record<string, unknown>): Promise<MantleError | undefined> {
		try {
			await knex('articles').insert(payload);
		} catch (error) {
			const translated = await toConstraintError(error, { dialect, knex, collection: 'articles', schema, payload });
			if (!translated) throw error;
			return translated;
		}
		return undefined;
	}
	return { violate, close: database.close };
}

vendorTest('a duplicate of a unique value is RECORD_NOT_UNIQUE naming the field and the value', async (t, db) => {
	const articles = await openArticles(db);
	try {
		const error = await articles.violate({ slug: 'taken', title: 'Second' });
		t.is(error?.code, 'RECORD_NOT_UNIQUE');
		t.is(error?.message, 'Value "taken" for field "slug" in collection "articles" has to be unique.');
		t.deepEqual(error?.extensions, { collection: 'articles', field: 'slug', value: 'taken' });
	} finally {
		await articles.close();
	}
});

vendorTest('a null or missing required value is NOT_NULL_VIOLATION naming the field', async (t, db) => {
	const articles = await openArticles(db);
	try {
		for (const payload of [{ slug: 'a', title: null }, { slug: 'b' }]) {
			const error = await articles.violate(payload);
			t.is(error?.code, 'NOT_NULL_VIOLATION', JSON.stringify(payload));
			t.is(error?.message, `Value for field "title" in collection "articles" can't be null.`);
			t.deepEqual(error?.extensions, { collection: 'articles', field: 'title' });
		}
	} finally {
		await articles.close();
	}
});

vendorTest('a key that matches no related item is INVALID_FOREIGN_KEY naming the field and the key', async (t, db) => {
	const articles = await openArticles(db);
	try {
		const error = await articles.violate({ slug: 'c', title: 'Orphan', author: 99 });
		t.is(error?.code, 'INVALID_FOREIGN_KEY');
		t.is(error?.message, 'Invalid foreign key "99" for field "author" in collection "articles".');
		t.deepEqual(error?.extensions, { collection: 'articles', field: 'author', value: 99 });
	} finally {
		await articles.close();
	}
});

vendorTest('a value too long for its column is VALUE_TOO_LONG where the database enforces lengths', async (t, db) => {
	const articles = await openArticles(db);
	try {
		const error = await articles.violate({ slug: 'd', title: 'Much longer than ten' });
		// SQLite keeps any length: there, the field writer's max_length check is what refuses it.
		if (db.vendor === 'sqlite') {
			t.is(error, undefined);
			return;
		}
		t.is(error?.code, 'VALUE_TOO_LONG');
		t.is(error?.message, 'Value for field "title" in collection "articles" is too long.');
		t.deepEqual(error?.extensions, { collection: 'articles', field: 'title' });
	} finally {
		await articles.close();
	}
});

vendorTest('a number beyond its column type is VALUE_OUT_OF_RANGE naming the field', async (t, db) => {
	const articles = await openArticles(db);
	try {
		const error = await articles.violate({ slug: 'e', title: 'Rated', rating: 40000 });
		if (db.vendor === 'sqlite') {
			t.is(error, undefined);
			return;
		}
		t.is(error?.code, 'VALUE_OUT_OF_RANGE');
		t.is(error?.message, 'Value for field "rating" in collection "articles" is out of range.');
		t.deepEqual(error?.extensions, { collection: 'articles', field: 'rating' });
	} finally {
		await articles.close();
	}
});

vendorTest('errors that are no constraint violation are left to the caller', async (t, db) => {
	const articles = await openArticles(db);
	try {
		// better-sqlite3's errors come from another realm, so they are matched as any thrown value.
		const error = await t.throwsAsync(articles.violate({ no_such_column: 1 }), { any: true });
		t.false(error instanceof MantleError);
		t.regex(String((error as { message?: unknown }).message), /no_such_column/);
	} finally {
		await articles.close();
	}
});

function column(name: string, schema: Partial<FieldSchema>): FieldInfo {
	const base: FieldSchema = {
		name,
		table: 'articles',
		data_type: 'varchar',
		default_value: null,
		max_length: null,
		numeric_precision: null,
		numeric_scale: null,
		is_nullable: true,
		is_unique: false,
		is_indexed: false,
		is_primary_key: false,
		is_generated: false,
		generation_expression: null,
		has_auto_increment: false,
		foreign_key_table: null,
		foreign_key_column: null,
		comment: null,
	};
	const type = schema.data_type === 'smallint' || schema.data_type === 'int' ? 'integer' : 'string';
	return { collection: 'articles', field: name, type, meta: null, schema: { ...base, ...schema } };
}

const overview: SchemaOverview = {
	vendor: 'mssql',
	relations: [],
	collections: new Map([
		[
			'articles',
			{
				collection: 'articles',
				primary: 'id',
				meta: null,
				schema: { name: 'articles', comment: null },
				fields: [
					column('id', { data_type: 'int', is_primary_key: true, has_auto_increment: true, is_nullable: false }),
					column('slug', { max_length: 20, is_unique: true }),
					column('title', { max_length: 10, is_nullable: false }),
					column('rating', { data_type: 'smallint' }),
					column('author', { data_type: 'int', foreign_key_table: 'authors', foreign_key_column: 'id' }),
				],
			},
		],
	]),
};

/** A knex whose catalog lookups fail: constraint names then resolve by knex's naming convention. */
const offline = {
	raw: async () => {
		throw new Error('offline');
	},
} as unknown as Knex;

async function translate(dialect: Dialect, error: Error, payload?: Record<string, unknown>) {
	return toConstraintError(error, { dialect, knex: offline, collection: 'articles', schema: overview, payload });
}

const sql = 'insert into [articles] ([slug], [title]) values (@p0, @p1) - ';
const mssqlError = (number: number, message: string) =>
	Object.assign(new Error(sql + message), { name: 'RequestError', code: 'EREQUEST', number, state: 1, class: 14 });
const mssqlCases: Array<[string, Error, Record<string, unknown> | undefined, string]> = [
	[
		'unique constraint',
		mssqlError(
			2627,
			"Violation of UNIQUE KEY constraint 'articles_slug_unique'. Cannot insert duplicate key in object 'dbo.articles'. The duplicate key value is (taken).",
		),
		undefined,
		'Value "taken" for field "slug" in collection "articles" has to be unique.',
	],
	[
		'unique index',
		mssqlError(2601, "Cannot insert duplicate key row in object 'dbo.articles' with unique index 'articles_slug_unique'. The duplicate key value is (taken)."),
		undefined,
		'Value "taken" for field "slug" in collection "articles" has to be unique.',
	],
	[
		'null',
		mssqlError(515, "Cannot insert the value NULL into column 'title', table 'app.dbo.articles'; column does not allow nulls. INSERT fails."),
		undefined,
		`Value for field "title" in collection "articles" can't be null.`,
	],
	[
		'truncation (2019+)',
		mssqlError(2628, "String or binary data would be truncated in table 'app.dbo.articles', column 'title'. Truncated value: 'Much longe'."),
		undefined,
		'Value for field "title" in collection "articles" is too long.',
	],
	[
		'truncation (older)',
		mssqlError(8152, 'String or binary data would be truncated.'),
		{ title: 'Much longer than ten' },
		'Value for field "title" in collection "articles" is too long.',
	],
	[
		'overflow',
		mssqlError(220, 'Arithmetic overflow error for data type smallint, value = 40000.'),
		{ title: 'Rated', rating: 40000 },
		'Value for field "rating" in collection "articles" is out of range.',
	],
	[
		'foreign key',
		mssqlError(
			547,
			'The INSERT statement conflicted with the FOREIGN KEY constraint "articles_author_foreign". The conflict occurred in database "app", table "dbo.authors", column \'id\'.',
		),
		{ title: 'Orphan', author: 99 },
		'Invalid foreign key "99" for field "author" in collection "articles".',
	],
];

for (const [title, error, payload, message] of mssqlCases) {
	test(`SQL Server's ${title} error names the field`, async (t) => {
		t.is((await translate(mssql, error, payload))?.message, message);
	});
}

test('a SQL Server CHECK constraint conflict (547) is no constraint error of ours', async (t) => {
	const error = mssqlError(
		547,
		'The INSERT statement conflicted with the CHECK constraint "ck_rating". The conflict occurred in database "app", table "dbo.articles", column \'rating\'.',
	);
	t.is(await translate(mssql, error), undefined);
});

const oracleError = (errorNum: number, message: string) =>
	Object.assign(new Error(`insert into "articles" ("slug") values (:1) - ${message}`), {
		errorNum,
		code: `ORA-${String(errorNum).padStart(5, '0')}`,
		offset: 0,
	});
const oracleCases: Array<[string, Error, Record<string, unknown> | undefined, string]> = [
	[
		'ORA-00001',
		oracleError(1, 'ORA-00001: unique constraint (APP.ARTICLES_SLUG_UNIQUE) violated'),
		{ slug: 'taken' },
		'Value "taken" for field "slug" in collection "articles" has to be unique.',
	],
	[
		'ORA-01400',
		oracleError(1400, 'ORA-01400: cannot insert NULL into ("APP"."articles"."title")'),
		undefined,
		`Value for field "title" in collection "articles" can't be null.`,
	],
	[
		'ORA-12899',
		oracleError(12899, 'ORA-12899: value too large for column "APP"."articles"."title" (actual: 20, maximum: 10)'),
		undefined,
		'Value for field "title" in collection "articles" is too long.',
	],
	[
		'ORA-01438',
		oracleError(1438, 'ORA-01438: value larger than specified precision allowed for this column'),
		{ rating: 40000 },
		'Value for field "rating" in collection "articles" is out of range.',
	],
	[
		'ORA-02291',
		oracleError(2291, 'ORA-02291: integrity constraint (APP.ARTICLES_AUTHOR_FOREIGN) violated - parent key not found'),
		{ author: 99 },
		'Invalid foreign key "99" for field "author" in collection "articles".',
	],
];

for (const [title, error, payload, message] of oracleCases) {
	test(`Oracle's ${title} error names the field`, async (t) => {
		t.is((await translate(oracle, error, payload))?.message, message);
	});
}

test('Oracle errors outside constraints are left to the caller', async (t) => {
	t.is(await translate(oracle, oracleError(942, 'ORA-00942: table or view does not exist')), undefined);
});

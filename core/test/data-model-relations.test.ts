import { vendorTest } from './helpers/vendor-test.js';
import { startKernel } from './helpers/kernel.js';
import { api, errorCode } from './helpers/http.js';
import { dialectFor } from '../src/database/dialects/index.js';
import { loadConfig } from '../src/config/index.js';

async function collection(url: string, name: string, fields: unknown[] = []) {
	const response = await api(url, 'POST', '/collections', { collection: name, schema: {}, meta: {}, fields });
	if (response.status !== 200) throw new Error(`creating ${name}: ${JSON.stringify(response.body)}`);
}

/** Asks the API to relate `collection.field` to `related` (null: one of the allowed collections); answers the response as it came. */
function relate(
	url: string,
	collection: string,
	field: string,
	related: string | null,
	rest: { meta?: Record<string, unknown>; schema?: Record<string, unknown> | null } = {},
) {
	return api(url, 'POST', '/relations', { collection, field, related_collection: related, ...rest });
}

vendorTest('M2O and O2M: a real foreign key with its ON DELETE, and the alias on the one side', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		await collection(url, 'authors', [{ field: 'name', type: 'string' }]);
		await collection(url, 'articles', [
			{ field: 'title', type: 'string' },
			{ field: 'author', type: 'integer', meta: { interface: 'select-dropdown-m2o', special: ['m2o'] } },
		]);
		const created = await relate(url, 'articles', 'author', 'authors', { schema: { on_delete: 'SET NULL' }, meta: { one_field: 'articles' } });
		t.is(created.status, 200, JSON.stringify(created.body));
		t.like(created.body.data, {
			collection: 'articles',
			field: 'author',
			related_collection: 'authors',
			schema: { on_delete: 'SET NULL', foreign_key_table: 'authors', foreign_key_column: 'id' },
			meta: { one_field: 'articles' },
		});
		t.like((await api(url, 'GET', '/fields/authors/articles')).body.data, { type: 'alias', meta: { special: ['o2m'] } });
		t.like((await api(url, 'GET', '/fields/articles/author')).body.data.schema, { foreign_key_table: 'authors', foreign_key_column: 'id' });

		// The key is real: a dangling reference is refused, and ON DELETE SET NULL does its work.
		await t.throwsAsync(db.knex('articles').insert({ title: 'orphan', author: 999 }), { any: true });
		const [authorId] = await db
			.knex('authors')
			.insert({ name: 'Ada' }, ['id'])
			.then((rows) => rows.map((row: any) => (typeof row === 'object' ? row.id : row)));
		await db.knex('articles').insert({ title: 'Notes', author: authorId });
		await db.knex('authors').where({ id: authorId }).delete();
		t.is((await db.knex('articles').first('author')).author, null);

		const updated = await api(url, 'PATCH', '/relations/articles/author', { schema: { on_delete: 'CASCADE' } });
		t.is(updated.body.data.schema.on_delete, 'CASCADE');
		t.is((await api(url, 'DELETE', '/relations/articles/author')).status, 204);
		t.deepEqual((await api(url, 'GET', '/relations/articles')).body.data, []);
		t.is(errorCode(await api(url, 'GET', '/relations/articles/author')), 'FORBIDDEN');
	} finally {
		await stop();
	}
});

vendorTest('M2M through a junction collection, and M2A as metadata naming the allowed collections', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		await collection(url, 'posts', [
			{ field: 'title', type: 'string' },
			{ field: 'tags', type: 'alias', meta: { special: ['m2m'], interface: 'list-m2m' } },
		]);
		await collection(url, 'tags', [{ field: 'name', type: 'string' }]);
		await collection(url, 'posts_tags', [
			{ field: 'posts_id', type: 'integer' },
			{ field: 'tags_id', type: 'integer' },
		]);
		const left = await relate(url, 'posts_tags', 'posts_id', 'posts', {
			meta: { one_field: 'tags', junction_field: 'tags_id' },
			schema: { on_delete: 'CASCADE' },
		});
		const right = await relate(url, 'posts_tags', 'tags_id', 'tags', { meta: { junction_field: 'posts_id' }, schema: { on_delete: 'CASCADE' } });
		t.is(left.status, 200, JSON.stringify(left.body));
		t.is(right.status, 200, JSON.stringify(right.body));
		const junction = (await api(url, 'GET', '/relations/posts_tags')).body.data;
		t.deepEqual(junction.map((r: any) => [r.field, r.related_collection, r.meta.junction_field, r.schema.on_delete]).sort(), [
			['posts_id', 'posts', 'tags_id', 'CASCADE'],
			['tags_id', 'tags', 'posts_id', 'CASCADE'],
		]);
		t.like((await api(url, 'GET', '/fields/posts/tags')).body.data, { type: 'alias', meta: { special: ['m2m'] } });

		await collection(url, 'pages', [{ field: 'blocks', type: 'alias', meta: { special: ['m2a'] } }]);
		await collection(url, 'pages_blocks', [
			{ field: 'pages_id', type: 'integer' },
			{ field: 'item', type: 'string' },
			{ field: 'collection', type: 'string' },
		]);
		t.is((await relate(url, 'pages_blocks', 'pages_id', 'pages', { meta: { one_field: 'blocks', junction_field: 'item' } })).status, 200);
		const m2a = await relate(url, 'pages_blocks', 'item', null, {
			meta: { one_allowed_collections: ['posts', 'tags'], one_collection_field: 'collection', junction_field: 'pages_id' },
		});
		t.is(m2a.status, 200, JSON.stringify(m2a.body));
		t.like(m2a.body.data, { related_collection: null, schema: null, meta: { one_allowed_collections: ['posts', 'tags'], one_collection_field: 'collection' } });
	} finally {
		await stop();
	}
});

vendorTest('relations between fields that do not exist, or twice on one field, are INVALID_PAYLOAD', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		await collection(url, 'a', [{ field: 'b_id', type: 'integer' }]);
		await collection(url, 'b');
		t.regex((await relate(url, 'a', 'nope', 'b')).body.errors[0].message, /Field "a.nope" does not exist/);
		t.regex((await relate(url, 'a', 'b_id', 'zzz')).body.errors[0].message, /Collection "zzz" does not exist/);
		t.is((await relate(url, 'a', 'b_id', 'b')).status, 200);
		t.regex((await relate(url, 'a', 'b_id', 'b')).body.errors[0].message, /already has a relation/);
	} finally {
		await stop();
	}
});

vendorTest('a related foreign-key column is indexed once: by Mantle where nothing indexes it yet, never twice', async (t, db) => {
	const { url, stop } = await startKernel(db);
	// The test database's own connection, not another pool: the suites' kernels use PostgreSQL's clients already.
	const dialect = dialectFor(loadConfig({ env: db.env, cwd: process.cwd() }).database.client);
	try {
		await collection(url, 'authors', [{ field: 'name', type: 'string' }]);
		await collection(url, 'books', [
			{ field: 'author', type: 'integer' },
			{ field: 'editor', type: 'integer', schema: { is_unique: true } },
		]);
		t.false((await api(url, 'GET', '/fields/books/author')).body.data.schema.is_indexed);
		t.is((await relate(url, 'books', 'author', 'authors', { schema: { on_delete: 'SET NULL' } })).status, 200);
		t.is((await relate(url, 'books', 'editor', 'authors', { schema: { on_delete: 'SET NULL' } })).status, 200);
		t.true((await api(url, 'GET', '/fields/books/author')).body.data.schema.is_indexed);

		const { indexes } = await dialect.introspect(db.knex, {});
		const leading = (column: string) => indexes.filter((index) => index.table === 'books' && index.columns[0] === column);
		t.deepEqual(
			leading('author').map((index) => index.name),
			['books_author_index'],
		);
		t.deepEqual(
			leading('editor').map((index) => index.unique),
			[true],
			'the unique index already serves the key',
		);
		// Without a relation (schema: null) Mantle touches no column.
		await collection(url, 'notes', [{ field: 'author', type: 'integer' }]);
		t.is((await relate(url, 'notes', 'author', 'authors', { schema: null })).status, 200);
		t.false((await api(url, 'GET', '/fields/notes/author')).body.data.schema.is_indexed);
	} finally {
		await stop();
	}
});

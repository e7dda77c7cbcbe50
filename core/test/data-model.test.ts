import { vendorTest } from './helpers/vendor-test.js';
import { startKernel } from './helpers/kernel.js';
import { api, errorCode } from './helpers/http.js';
import { listTables } from './helpers/snapshot.js';

vendorTest('a collection created with fields is a real table, read back with schema and meta', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		const created = await api(url, 'POST', '/collections', {
			collection: 'articles',
			meta: { icon: 'article', note: 'Blog posts', singleton: false },
			schema: {},
			fields: [
				{ field: 'id', type: 'integer', schema: { is_primary_key: true, has_auto_increment: true } },
				{ field: 'title', type: 'string', schema: { max_length: 120, is_nullable: false }, meta: { interface: 'input', required: true } },
				{ field: 'views', type: 'integer', schema: { default_value: 0 } },
				{ field: 'published', type: 'boolean', schema: { default_value: false } },
			],
		});
		t.is(created.status, 200, JSON.stringify(created.body));
		t.like(created.body.data, { collection: 'articles', meta: { icon: 'article', note: 'Blog posts', singleton: false }, schema: { name: 'articles' } });
		t.true((await listTables(db)).includes('articles'));

		const fields = await api(url, 'GET', '/fields/articles');
		const byName = Object.fromEntries(fields.body.data.map((field: any) => [field.field, field]));
		t.like(byName.id, { type: 'integer', schema: { is_primary_key: true, has_auto_increment: true } });
		t.like(byName.title, { type: 'string', schema: { max_length: 120, is_nullable: false }, meta: { interface: 'input', required: true } });
		t.like(byName.views, { type: 'integer', schema: { default_value: 0, is_nullable: true } });
		t.like(byName.published, { type: 'boolean', schema: { default_value: false } });

		const listed = await api(url, 'GET', '/collections');
		const names = listed.body.data.map((c: any) => c.collection);
		t.true(names.includes('articles'));
		t.true(names.includes('directus_users'), 'system collections appear under their Directus names');
		t.false(names.some((name: string) => name.startsWith('mantle_')));
	} finally {
		await stop();
	}
});

vendorTest('every field type can be created, altered and deleted, and reads back with its type', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		t.is((await api(url, 'POST', '/collections', { collection: 'things', schema: {}, meta: {} })).status, 200);
		const types: Array<[string, Record<string, unknown>]> = [
			['string', { max_length: 80 }],
			['text', {}],
			['integer', {}],
			['bigInteger', {}],
			['float', {}],
			['decimal', { numeric_precision: 10, numeric_scale: 2 }],
			['boolean', {}],
			['date', {}],
			['time', {}],
			['dateTime', {}],
			['timestamp', {}],
			['json', {}],
			['uuid', {}],
			['hash', {}],
			['csv', {}],
			['binary', {}],
		];
		for (const [type, schema] of types) {
			const field = `f_${type.toLowerCase()}`;
			const created = await api(url, 'POST', '/fields/things', { field, type, schema, meta: { note: `a ${type}` } });
			t.is(created.status, 200, `${type}: ${JSON.stringify(created.body)}`);
			t.is(created.body.data.type, type, `${type} reads back as ${created.body.data.type}`);
			t.is(created.body.data.meta.note, `a ${type}`);
		}
		const decimal = await api(url, 'GET', '/fields/things/f_decimal');
		t.like(decimal.body.data.schema, { numeric_precision: 10, numeric_scale: 2 });

		const altered = await api(url, 'PATCH', '/fields/things/f_string', {
			schema: { max_length: 200, is_nullable: false, default_value: 'untitled' },
			meta: { note: 'longer' },
		});
		t.is(altered.status, 200, JSON.stringify(altered.body));
		t.like(altered.body.data, { type: 'string', schema: { max_length: 200, is_nullable: false, default_value: 'untitled' }, meta: { note: 'longer' } });

		const retyped = await api(url, 'PATCH', '/fields/things/f_integer', { type: 'bigInteger' });
		t.is(retyped.body.data.type, 'bigInteger');

		const unique = await api(url, 'PATCH', '/fields/things/f_text', { type: 'string', schema: { max_length: 50, is_unique: true } });
		t.like(unique.body.data, { type: 'string', schema: { is_unique: true, max_length: 50 } });

		for (const [type] of types) t.is((await api(url, 'DELETE', `/fields/things/f_${type.toLowerCase()}`)).status, 204, type);
		const remaining = await api(url, 'GET', '/fields/things');
		t.deepEqual(
			remaining.body.data.map((f: any) => f.field),
			['id'],
		);
	} finally {
		await stop();
	}
});

vendorTest('invalid data-model requests answer INVALID_PAYLOAD naming the problem and change nothing', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		await api(url, 'POST', '/collections', { collection: 'posts', schema: {}, meta: {}, fields: [{ field: 'title', type: 'string' }] });
		const cases: Array<[string, string, unknown, RegExp]> = [
			['POST', '/fields/posts', { field: 'rating', type: 'stars' }, /"type" must be one of/],
			['POST', '/fields/posts', { field: 'title', type: 'string' }, /Field "title" already exists in collection "posts"/],
			['POST', '/collections', { collection: 'directus_things', schema: {} }, /reserved/],
			['POST', '/collections', { collection: 'mantle_things', schema: {} }, /reserved/],
			['POST', '/collections', { collection: 'bad name!', schema: {} }, /"collection" must start with a letter/],
			['POST', '/collections', { collection: 'posts', schema: {} }, /Collection "posts" already exists/],
			['POST', '/fields/posts', { field: '1st', type: 'string' }, /"field" must start with a letter/],
			['POST', '/fields/posts', { field: 'x', type: 'string', meta: { colour: 'red' } }, /"meta.colour" is not a field setting/],
		];
		for (const [method, path, body, message] of cases) {
			const response = await api(url, method, path, body);
			t.is(response.status, 400, `${method} ${path} ${JSON.stringify(body)}`);
			t.is(errorCode(response), 'INVALID_PAYLOAD');
			t.regex(response.body.errors[0].message, message);
		}
		const fields = await api(url, 'GET', '/fields/posts');
		t.deepEqual(
			fields.body.data.map((f: any) => f.field),
			['id', 'title'],
		);
		t.deepEqual(
			(await listTables(db)).filter((name) => !name.startsWith('mantle_')),
			['posts'],
		);
	} finally {
		await stop();
	}
});

vendorTest('changes that stored rows would violate are refused with the matching code', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		await api(url, 'POST', '/collections', {
			collection: 'people',
			schema: {},
			meta: {},
			fields: [
				{ field: 'name', type: 'string', schema: { max_length: 100 } },
				{ field: 'nick', type: 'string' },
			],
		});
		await db.knex('people').insert([
			{ name: 'Ada Lovelace', nick: null },
			{ name: 'Ada Lovelace', nick: 'ada' },
		]);
		t.is(errorCode(await api(url, 'PATCH', '/fields/people/nick', { schema: { is_nullable: false } })), 'CONTAINS_NULL_VALUES');
		t.is(errorCode(await api(url, 'PATCH', '/fields/people/name', { schema: { is_unique: true } })), 'RECORD_NOT_UNIQUE');
		t.is(errorCode(await api(url, 'PATCH', '/fields/people/name', { schema: { max_length: 5 } })), 'VALUE_TOO_LONG');
		t.is(errorCode(await api(url, 'POST', '/fields/people', { field: 'age', type: 'integer', schema: { is_nullable: false } })), 'CONTAINS_NULL_VALUES');
		const name = await api(url, 'GET', '/fields/people/name');
		t.like(name.body.data.schema, { max_length: 100, is_unique: false });
		t.is((await db.knex('people').count({ n: '*' }).first())!.n as unknown as number | string, db.vendor === 'postgres' ? '2' : 2);
	} finally {
		await stop();
	}
});

vendorTest('only admins change the data model; the public sees no collections', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		t.deepEqual((await api(url, 'GET', '/collections', undefined, null)).body, { data: [] });
		const refused = await api(url, 'POST', '/collections', { collection: 'secret', schema: {} }, null);
		t.is(refused.status, 403);
		t.is(errorCode(await api(url, 'GET', '/collections/directus_users', undefined, null)), 'FORBIDDEN');
		t.false((await listTables(db)).includes('secret'));
	} finally {
		await stop();
	}
});

vendorTest('deleting a collection drops its table, its metadata and the keys pointing at it, and nothing else', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		await api(url, 'POST', '/collections', { collection: 'authors', schema: {}, meta: {}, fields: [{ field: 'name', type: 'string' }] });
		await api(url, 'POST', '/collections', {
			collection: 'books',
			schema: {},
			meta: {},
			fields: [
				{ field: 'title', type: 'string' },
				{ field: 'author', type: 'integer' },
			],
		});
		t.is(
			(await api(url, 'POST', '/relations', { collection: 'books', field: 'author', related_collection: 'authors', meta: { one_field: 'books' } })).status,
			200,
		);
		t.is((await api(url, 'GET', '/fields/authors/books')).body.data.type, 'alias', 'the O2M side appears as an alias field');

		t.is((await api(url, 'DELETE', '/collections/authors')).status, 204);
		t.false((await listTables(db)).includes('authors'));
		t.is(errorCode(await api(url, 'GET', '/collections/authors')), 'FORBIDDEN');
		const books = await api(url, 'GET', '/fields/books');
		t.deepEqual(
			books.body.data.map((f: any) => f.field),
			['id', 'title', 'author'],
			'the column stays, the key is gone',
		);
		t.deepEqual((await api(url, 'GET', '/relations/books')).body.data, []);
		t.is(errorCode(await api(url, 'DELETE', '/collections/directus_users')), 'INVALID_PAYLOAD');
	} finally {
		await stop();
	}
});

import test, { type ExecutionContext } from 'ava';
import { parse } from 'yaml';
import { createTestDatabase, vendorTargets, type TestDatabase, type TestVendor } from './helpers/databases.js';
import { vendorTest } from './helpers/vendor-test.js';
import { adminToken, startKernel, type RunningKernel } from './helpers/kernel.js';
import { api, errorCode } from './helpers/http.js';
import { listTables, snapshotRows } from './helpers/snapshot.js';
import { snapshotHash, takeSnapshot } from '../src/schema/snapshot/take.js';

async function call(url: string, method: string, path: string, body?: unknown) {
	const response = await api(url, method, path, body);
	if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
	return response.body?.data;
}

/** Creates the relation from `collection.field` to `related` (null: one of the allowed collections), with an ON DELETE when it is a key. */
function relate(url: string, collection: string, field: string, related: string | null, meta: Record<string, unknown>, onDelete?: string) {
	return call(url, 'POST', '/relations', { collection, field, related_collection: related, ...(onDelete ? { schema: { on_delete: onDelete } } : {}), meta });
}

/** A model that uses most of what the data model offers, built over the API as a user would. */
async function buildModel(url: string): Promise<void> {
	await call(url, 'POST', '/collections', { collection: 'content', meta: { icon: 'folder', note: 'Editorial content', collapse: 'closed' }, schema: null });
	await call(url, 'POST', '/collections', {
		collection: 'authors',
		meta: { icon: 'person', note: 'Who writes', group: 'content', sort: 2, display_template: '{{name}}' },
		schema: {},
		fields: [
			{
				field: 'name',
				type: 'string',
				schema: { max_length: 120, is_nullable: false, default_value: 'anonymous' },
				meta: { interface: 'input', width: 'half', sort: 2, required: true, options: { placeholder: 'Full name' } },
			},
			{ field: 'email', type: 'string', schema: { is_unique: true }, meta: { interface: 'input', width: 'half', sort: 3 } },
			{ field: 'active', type: 'boolean', schema: { default_value: true }, meta: { interface: 'boolean', special: ['cast-boolean'], sort: 4 } },
			{ field: 'fee', type: 'decimal', schema: { numeric_precision: 10, numeric_scale: 2, default_value: 0 } },
			{ field: 'profile', type: 'json', meta: { interface: 'input-code', options: { language: 'json' } } },
			{ field: 'external_id', type: 'uuid', schema: { is_unique: true } },
			{ field: 'created_at', type: 'timestamp', schema: { default_value: 'CURRENT_TIMESTAMP' }, meta: { readonly: true, special: ['date-created'] } },
			{ field: 'born_on', type: 'date' },
			{ field: 'followers', type: 'bigInteger', schema: { default_value: 0, is_nullable: false } },
			{ field: 'bio', type: 'text', meta: { interface: 'input-rich-text-html', width: 'full' } },
		],
	});
	await call(url, 'POST', '/collections', {
		collection: 'articles',
		meta: {
			icon: 'article',
			note: 'Blog posts',
			group: 'content',
			sort: 1,
			sort_field: 'sort',
			archive_field: 'status',
			archive_value: 'archived',
			unarchive_value: 'draft',
		},
		schema: {},
		fields: [
			{ field: 'id', type: 'integer', schema: { is_primary_key: true, has_auto_increment: true }, meta: { hidden: true, readonly: true } },
			{
				field: 'title',
				type: 'string',
				schema: { max_length: 120, is_nullable: false, default_value: 'Untitled' },
				meta: { interface: 'input', required: true, width: 'full', sort: 1 },
			},
			{
				field: 'status',
				type: 'string',
				schema: { default_value: 'draft' },
				meta: {
					interface: 'select-dropdown',
					options: {
						choices: [
							{ text: 'Draft', value: 'draft' },
							{ text: 'Archived', value: 'archived' },
						],
					},
				},
			},
			{ field: 'sort', type: 'integer', meta: { hidden: true } },
			{ field: 'price', type: 'decimal', schema: { numeric_precision: 10, numeric_scale: 2 } },
			{ field: 'featured', type: 'boolean', schema: { default_value: false, is_nullable: false } },
			{ field: 'views', type: 'integer', schema: { default_value: 0 } },
			{ field: 'rating', type: 'float' },
			{ field: 'data', type: 'json' },
			{ field: 'published_at', type: 'dateTime' },
			{ field: 'author', type: 'integer', meta: { interface: 'select-dropdown-m2o', special: ['m2o'] } },
			{ field: 'tags', type: 'alias', meta: { interface: 'list-m2m', special: ['m2m'] } },
			{ field: 'blocks', type: 'alias', meta: { interface: 'list-m2a', special: ['m2a'] } },
		],
	});
	await relate(url, 'articles', 'author', 'authors', { one_field: 'articles', sort_field: null }, 'SET NULL');
	await call(url, 'POST', '/collections', {
		collection: 'tags',
		meta: { icon: 'label' },
		schema: {},
		fields: [{ field: 'name', type: 'string', schema: { max_length: 40, is_unique: true, is_nullable: false } }],
	});
	await call(url, 'POST', '/collections', {
		collection: 'articles_tags',
		meta: { hidden: true, icon: 'import_export' },
		schema: {},
		fields: [
			{ field: 'articles_id', type: 'integer' },
			{ field: 'tags_id', type: 'integer' },
		],
	});
	await relate(url, 'articles_tags', 'articles_id', 'articles', { one_field: 'tags', junction_field: 'tags_id' }, 'CASCADE');
	await relate(url, 'articles_tags', 'tags_id', 'tags', { junction_field: 'articles_id' }, 'CASCADE');
	await call(url, 'POST', '/collections', {
		collection: 'articles_blocks',
		meta: { hidden: true },
		schema: {},
		fields: [
			{ field: 'articles_id', type: 'integer' },
			{ field: 'item', type: 'string' },
			{ field: 'collection', type: 'string', schema: { max_length: 64 } },
		],
	});
	await relate(url, 'articles_blocks', 'articles_id', 'articles', { one_field: 'blocks', junction_field: 'item' }, 'CASCADE');
	await relate(url, 'articles_blocks', 'item', null, {
		one_allowed_collections: ['tags', 'authors'],
		one_collection_field: 'collection',
		junction_field: 'articles_id',
	});
	await call(url, 'POST', '/collections', {
		collection: 'home',
		meta: { singleton: true, icon: 'home', note: 'The front page' },
		schema: {},
		fields: [
			{ field: 'id', type: 'uuid', schema: { is_primary_key: true } },
			{ field: 'headline', type: 'string', schema: { max_length: 200 } },
			{ field: 'opens_at', type: 'time' },
		],
	});
}

/** What apply may change: the metadata rows, the tables, and each user table's columns. */
async function dumpModel(db: TestDatabase): Promise<unknown> {
	const tables = await listTables(db);
	const columns: Record<string, unknown> = {};
	for (const table of tables.filter((name) => !name.startsWith('mantle_'))) columns[table] = await db.knex(table).columnInfo();
	return { tables, columns, rows: await snapshotRows(db.knex, ['mantle_collections', 'mantle_fields', 'mantle_relations']) };
}

const withoutVendor = ({ vendor: _vendor, ...rest }: Record<string, unknown>) => rest;

async function currentHash(kernel: RunningKernel): Promise<string> {
	return snapshotHash(takeSnapshot(await kernel.kernel.schema.get()));
}

const targets = await vendorTargets();
const available = (vendor: TestVendor) => targets.find((target) => target.vendor === vendor && !target.skip);

for (const vendor of ['postgres', 'mysql'] as const) {
	const title = `a snapshot taken on SQLite applies to an empty ${vendor} database and reads back the same, and applying it again changes nothing`;
	if (!available('sqlite') || !available(vendor)) {
		console.log(`skipping "${title}": it needs both SQLite and ${vendor}`);
		test.skip(title, () => {});
		continue;
	}
	test(title, async (t) => {
		const sourceDb = await createTestDatabase('sqlite');
		const targetDb = await createTestDatabase(vendor);
		const source = await startKernel(sourceDb);
		const target = await startKernel(targetDb);
		try {
			await buildModel(source.url);
			const snapshot = await call(source.url, 'GET', '/schema/snapshot');
			t.like(snapshot, { version: 1, vendor: 'sqlite' });
			t.regex(snapshot.mantle, /^\d+\.\d+\.\d+/);
			t.false(
				snapshot.collections.some((c: any) => c.collection.startsWith('directus_')),
				'system collections are not part of a snapshot',
			);

			const diff = await api(target.url, 'POST', '/schema/diff', snapshot);
			t.is(diff.status, 200, JSON.stringify(diff.body));
			const applied = await api(target.url, 'POST', '/schema/apply', diff.body.data);
			t.is(applied.status, 204, JSON.stringify(applied.body));

			const copied = await call(target.url, 'GET', '/schema/snapshot');
			t.is(copied.vendor, vendor);
			t.deepEqual(withoutVendor(copied), withoutVendor(snapshot));
			await assertRealKeys(t, target.url, targetDb);

			const before = await dumpModel(targetDb);
			t.is((await api(target.url, 'POST', '/schema/diff', snapshot)).status, 204, 'a diff right after an apply is empty');
			const empty = { hash: await currentHash(target), diff: { collections: [], fields: [], relations: [] } };
			t.is((await api(target.url, 'POST', '/schema/apply', empty)).status, 204);
			t.deepEqual(await dumpModel(targetDb), before, 'a second apply changes nothing');
		} finally {
			await Promise.allSettled([source.stop(), target.stop()]);
			await Promise.allSettled([sourceDb.drop(), targetDb.drop()]);
		}
	});
}

async function assertRealKeys(t: ExecutionContext, url: string, db: TestDatabase): Promise<void> {
	const relations = await call(url, 'GET', '/relations');
	const byField = Object.fromEntries(relations.map((r: any) => [`${r.collection}.${r.field}`, r]));
	t.like(byField['articles.author'], {
		related_collection: 'authors',
		schema: { foreign_key_table: 'authors', foreign_key_column: 'id', on_delete: 'SET NULL' },
		meta: { one_field: 'articles' },
	});
	t.like(byField['articles_tags.tags_id'], { related_collection: 'tags', schema: { on_delete: 'CASCADE' } });
	t.like(byField['articles_blocks.item'], { related_collection: null, schema: null, meta: { one_allowed_collections: ['tags', 'authors'] } });
	await t.throwsAsync(db.knex('articles').insert({ title: 'orphan', author: 999 }), { any: true }, 'the foreign key is real');
}

vendorTest('the snapshot is admin-only, and exports as a JSON or YAML download', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		await buildModel(url);
		t.is((await api(url, 'GET', '/schema/snapshot', undefined, null)).status, 403);
		t.is(errorCode(await api(url, 'POST', '/schema/apply', { hash: 'x', diff: { collections: [], fields: [], relations: [] } }, null)), 'FORBIDDEN');
		const data = await call(url, 'GET', '/schema/snapshot');
		for (const format of ['json', 'yaml']) {
			const response = await fetch(`${url}/schema/snapshot?export=${format}`, { headers: { authorization: `Bearer ${adminToken}` } });
			t.is(response.status, 200);
			t.regex(response.headers.get('content-type') ?? '', format === 'json' ? /^application\/json/ : /^text\/yaml/);
			t.regex(response.headers.get('content-disposition') ?? '', new RegExp(`^attachment; filename="snapshot-.*\\.${format}"$`));
			t.deepEqual(parse(await response.text()), data);
		}
		t.is(errorCode(await api(url, 'GET', '/schema/snapshot?export=xml')), 'INVALID_QUERY');
	} finally {
		await stop();
	}
});

vendorTest('a diff lists exactly a changed field meta and a dropped field, and applying it brings them back', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		await buildModel(url);
		const snapshot = await call(url, 'GET', '/schema/snapshot');
		await call(url, 'PATCH', '/fields/articles/title', { meta: { note: 'Keep it short', width: 'half' } });
		t.is((await api(url, 'DELETE', '/fields/articles/views')).status, 204);

		const diff = await call(url, 'POST', '/schema/diff', snapshot);
		t.deepEqual(diff.diff.collections, []);
		t.deepEqual(diff.diff.relations, []);
		t.deepEqual(diff.diff.fields, [
			{
				collection: 'articles',
				field: 'title',
				diff: [
					{ kind: 'E', path: ['meta', 'note'], lhs: 'Keep it short', rhs: null },
					{ kind: 'E', path: ['meta', 'width'], lhs: 'half', rhs: 'full' },
				],
			},
			{
				collection: 'articles',
				field: 'views',
				diff: [{ kind: 'N', rhs: snapshot.fields.find((f: any) => f.field === 'views' && f.collection === 'articles') }],
			},
		]);

		t.is((await api(url, 'POST', '/schema/apply', diff)).status, 204);
		t.is((await api(url, 'POST', '/schema/diff', snapshot)).status, 204);
		t.like(await call(url, 'GET', '/fields/articles/views'), { type: 'integer', schema: { default_value: 0 } });
		t.like(await call(url, 'GET', '/fields/articles/title'), { meta: { note: null, width: 'full' } });
	} finally {
		await stop();
	}
});

vendorTest('a snapshot from a newer major version, or a diff against a schema that has since changed, is refused and changes nothing', async (t, db) => {
	const kernel = await startKernel(db);
	const { url } = kernel;
	try {
		await buildModel(url);
		const snapshot = await call(url, 'GET', '/schema/snapshot');
		const newer = await api(url, 'POST', '/schema/diff', { ...snapshot, mantle: '99.0.0', collections: [] });
		t.is(newer.status, 400);
		t.is(errorCode(newer), 'INVALID_PAYLOAD');
		t.regex(newer.body.errors[0].message, /99\.0\.0/);
		t.regex(newer.body.errors[0].message, new RegExp(snapshot.mantle.replace(/\./g, '\\.')));

		const diff = await call(url, 'POST', '/schema/diff', {
			...snapshot,
			collections: snapshot.collections.filter((c: any) => c.collection !== 'home'),
			fields: snapshot.fields.filter((f: any) => f.collection !== 'home'),
		});
		await call(url, 'POST', '/fields/tags', { field: 'colour', type: 'string' });
		const before = await dumpModel(db);
		const stale = await api(url, 'POST', '/schema/apply', diff);
		t.is(stale.status, 400);
		t.is(errorCode(stale), 'INVALID_PAYLOAD');
		t.regex(stale.body.errors[0].message, /schema has changed since this diff was computed/);
		t.deepEqual(await dumpModel(db), before);
		t.true((await listTables(db)).includes('home'));
	} finally {
		await kernel.stop();
	}
});

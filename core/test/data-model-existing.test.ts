import { vendorTest } from './helpers/vendor-test.js';
import { startKernel } from './helpers/kernel.js';
import { api } from './helpers/http.js';
import { snapshotRows } from './helpers/snapshot.js';
import test from 'ava';
import { createTestDatabase, vendorTargets, type TestDatabase } from './helpers/databases.js';

const postgresTarget = (await vendorTargets()).find((target) => target.vendor === 'postgres');

/** Three related tables, defaults, a composite index and a view, written as a DBA would, per vendor. */
const ddl: Record<TestDatabase['vendor'], string[]> = {
	sqlite: [
		`create table shops (id integer primary key autoincrement, name varchar(80) not null unique, open boolean default 1)`,
		`create table products (sku char(36) primary key, shop_id integer not null references shops(id) on delete cascade, title varchar(200) not null, price decimal(10,2) default 0, stock integer default 5, added datetime default current_timestamp)`,
		`create table reviews (id integer primary key autoincrement, product_sku char(36) references products(sku) on delete set null, stars integer not null, body text)`,
		`create index reviews_product_stars on reviews (product_sku, stars)`,
		`create view product_titles as select sku, title from products`,
	],
	postgres: [
		`create table shops (id serial primary key, name varchar(80) not null unique, open boolean default true)`,
		`create table products (sku uuid primary key, shop_id integer not null references shops(id) on delete cascade, title varchar(200) not null, price numeric(10,2) default 0, stock integer default 5, added timestamptz default now())`,
		`create table reviews (id serial primary key, product_sku uuid references products(sku) on delete set null, stars integer not null, body text)`,
		`create index reviews_product_stars on reviews (product_sku, stars)`,
		`create view product_titles as select sku, title from products`,
	],
	mysql: [
		`create table shops (id int unsigned auto_increment primary key, name varchar(80) not null unique, open tinyint(1) default 1)`,
		`create table products (sku char(36) primary key, shop_id int unsigned not null, title varchar(200) not null, price decimal(10,2) default 0, stock int default 5, added timestamp default current_timestamp, foreign key (shop_id) references shops(id) on delete cascade)`,
		`create table reviews (id int unsigned auto_increment primary key, product_sku char(36), stars int not null, body text, foreign key (product_sku) references products(sku) on delete set null)`,
		`create index reviews_product_stars on reviews (product_sku, stars)`,
		`create view product_titles as select sku, title from products`,
	],
};

vendorTest('an existing database appears as collections, fields and inferred relations, and is left as it was', async (t, db) => {
	for (const statement of ddl[db.vendor]) await db.knex.raw(statement);
	await db.knex('shops').insert({ name: 'Corner Shop' });
	const shop = await db.knex('shops').first('id');
	await db.knex('products').insert({ sku: '6b0f5c1e-8a43-4a8e-9d1e-2c9f2a5d7e11', shop_id: shop.id, title: 'Kettle', price: '24.50' });
	const tables = ['shops', 'products', 'reviews'];
	const columnsBefore = await Promise.all(tables.map((table) => db.knex(table).columnInfo()));
	const rowsBefore = await snapshotRows(db.knex, tables);

	const { url, stop } = await startKernel(db);
	try {
		const collections = (await api(url, 'GET', '/collections')).body.data.map((c: any) => c.collection);
		for (const table of tables) t.true(collections.includes(table), table);
		t.false(collections.includes('product_titles'), 'a view is not a collection');

		const products = Object.fromEntries((await api(url, 'GET', '/fields/products')).body.data.map((f: any) => [f.field, f]));
		t.like(products.sku, { type: 'uuid', schema: { is_primary_key: true, has_auto_increment: false } });
		t.like(products.title, { type: 'string', schema: { max_length: 200, is_nullable: false } });
		t.like(products.price, { type: 'decimal', schema: { numeric_precision: 10, numeric_scale: 2, default_value: 0 } });
		t.like(products.stock, { type: 'integer', schema: { default_value: 5 } });
		t.like(products.added, { schema: { default_value: 'CURRENT_TIMESTAMP' } });
		t.true(['timestamp', 'dateTime'].includes(products.added.type));
		t.like(products.shop_id, { type: 'integer', schema: { foreign_key_table: 'shops', foreign_key_column: 'id', is_nullable: false } });
		const shops = Object.fromEntries((await api(url, 'GET', '/fields/shops')).body.data.map((f: any) => [f.field, f]));
		t.like(shops.id, { type: 'integer', schema: { has_auto_increment: true, is_primary_key: true } });
		t.like(shops.name, { schema: { is_unique: true } });
		t.like(shops.open, { type: 'boolean', schema: { default_value: true } });

		const relations = (await api(url, 'GET', '/relations')).body.data.filter((r: any) => tables.includes(r.collection));
		t.deepEqual(relations.map((r: any) => [r.collection, r.field, r.related_collection, r.schema.on_delete, r.meta]).sort(), [
			['products', 'shop_id', 'shops', 'CASCADE', null],
			['reviews', 'product_sku', 'products', 'SET NULL', null],
		]);
		const reviews = Object.fromEntries((await api(url, 'GET', '/fields/reviews')).body.data.map((f: any) => [f.field, f]));
		t.true(reviews.product_sku.schema.is_indexed, 'the composite index covers its first column');
	} finally {
		await stop();
	}
	for (const [index, table] of tables.entries()) t.deepEqual(await db.knex(table).columnInfo(), columnsBefore[index], `${table} columns unchanged`);
	t.deepEqual(await snapshotRows(db.knex, tables), rowsBefore);
});

vendorTest("a table created behind Mantle's back appears after /utils/cache/clear, not before", async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		t.is((await api(url, 'GET', '/collections')).status, 200);
		await db.knex.schema.createTable('late_arrival', (table) => {
			table.increments('id');
			table.string('note');
		});
		const before = (await api(url, 'GET', '/collections')).body.data.map((c: any) => c.collection);
		t.false(before.includes('late_arrival'), 'the overview is cached');
		t.is((await api(url, 'POST', '/utils/cache/clear', undefined, null)).status, 403, 'only admins clear caches');
		t.is((await api(url, 'POST', '/utils/cache/clear')).status, 204);
		const after = (await api(url, 'GET', '/collections')).body.data.map((c: any) => c.collection);
		t.true(after.includes('late_arrival'));
	} finally {
		await stop();
	}
});

(postgresTarget && !postgresTarget.skip ? test : test.skip)('[postgres] every schema in DB_SEARCH_PATH is read, with relations across schemas', async (t) => {
	const db = await createTestDatabase('postgres');
	try {
		await db.knex.raw('create table customers (id serial primary key, name text not null)');
		await db.knex.raw('create schema sales');
		await db.knex.raw(
			'create table sales.orders (id serial primary key, customer integer references public.customers(id) on delete cascade, total numeric(8,2))',
		);
		const { url, stop } = await startKernel(db, { DB_SEARCH_PATH: 'public,sales' });
		try {
			const collections = (await api(url, 'GET', '/collections')).body.data;
			t.like(
				collections.find((c: any) => c.collection === 'orders'),
				{ schema: { name: 'orders', schema: 'sales' } },
			);
			t.truthy(collections.find((c: any) => c.collection === 'customers'));
			const relation = (await api(url, 'GET', '/relations/orders')).body.data[0];
			t.like(relation, { field: 'customer', related_collection: 'customers', schema: { on_delete: 'CASCADE' } });
		} finally {
			await stop();
		}
		const { url: publicOnly, stop: stopPublicOnly } = await startKernel(db);
		try {
			const names = (await api(publicOnly, 'GET', '/collections')).body.data.map((c: any) => c.collection);
			t.false(names.includes('orders'), 'without the schema in the search path its tables are not seen');
		} finally {
			await stopPublicOnly();
		}
	} finally {
		await db.drop();
	}
});

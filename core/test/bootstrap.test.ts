import { randomUUID } from 'node:crypto';
import { bootstrap } from '../src/database/bootstrap.js';
import { migrateDown, migrateLatest } from '../src/database/migrate.js';
import { verifyPassword } from '../src/auth/passwords.js';
import { vendorTest } from './helpers/vendor-test.js';
import { listTables, snapshotRows } from './helpers/snapshot.js';

const systemTables = [
	'access',
	'activity',
	'collections',
	'comments',
	'dashboards',
	'extensions',
	'fields',
	'files',
	'flows',
	'folders',
	'migrations',
	'notifications',
	'operations',
	'panels',
	'permissions',
	'policies',
	'presets',
	'relations',
	'revisions',
	'roles',
	'sessions',
	'settings',
	'shares',
	'translations',
	'users',
	'versions',
].map((name) => `mantle_${name}`);

vendorTest('bootstrap creates every system table, the first admin with an argon2 hash, and touches no other table', async (t, db) => {
	await db.knex.schema.createTable('articles', (table) => {
		table.increments('id');
		table.string('title');
	});
	const result = await bootstrap(db.knex, { admin: { email: 'ada@example.com', password: 'difference engine' } });
	t.deepEqual(result.migrationsApplied, ['0001-system-tables']);
	t.deepEqual(result.adminCreated, { email: 'ada@example.com', generatedPassword: undefined });

	const tables = await listTables(db);
	for (const table of systemTables) t.true(tables.includes(table), `${table} exists`);
	t.deepEqual(
		tables.filter((table) => !table.startsWith('mantle_')),
		['articles'],
	);

	const user = await db.knex('mantle_users').where({ email: 'ada@example.com' }).first();
	t.regex(user.password, /^\$argon2id\$/);
	t.true(await verifyPassword(user.password, 'difference engine'));
	const policies = await db
		.knex('mantle_policies')
		.join('mantle_access', 'mantle_access.policy', 'mantle_policies.id')
		.where('mantle_access.role', user.role)
		.select('admin_access');
	t.deepEqual(
		policies.map((p) => Boolean(p.admin_access)),
		[true],
	);
	const publicAccess = await db.knex('mantle_access').whereNull('role').whereNull('user');
	t.is(publicAccess.length, 1, 'a Public policy exists for anonymous callers');
});

vendorTest('bootstrapping twice changes nothing', async (t, db) => {
	const first = await bootstrap(db.knex, { admin: {} });
	t.truthy(first.adminCreated?.generatedPassword, 'without ADMIN_PASSWORD a password is generated');
	const tables = (await listTables(db)).filter((table) => table.startsWith('mantle_') && table !== 'mantle_migrations_lock');
	const before = await snapshotRows(db.knex, tables);

	const second = await bootstrap(db.knex, { admin: { email: 'someone-else@example.com', password: 'another password' } });
	t.deepEqual(second, { migrationsApplied: [] });
	t.deepEqual(await snapshotRows(db.knex, tables), before);
});

vendorTest('migrate down undoes the system tables and latest brings them back; the user table is untouched', async (t, db) => {
	await db.knex.schema.createTable('notes', (table) => {
		table.uuid('id').primary();
		table.text('body');
	});
	await db.knex('notes').insert({ id: randomUUID(), body: 'keep me' });
	await migrateLatest(db.knex);
	t.deepEqual(await migrateLatest(db.knex), [], 'a second run applies nothing');
	t.deepEqual(await migrateDown(db.knex), ['0001-system-tables']);
	const remaining = await listTables(db);
	t.deepEqual(
		remaining.filter((table) => !/^mantle_migrations(_lock)?$/.test(table)),
		['notes'],
	);
	t.deepEqual(await migrateLatest(db.knex), ['0001-system-tables']);
	t.deepEqual(
		(await db.knex('notes').select('body')).map((row) => row.body),
		['keep me'],
	);
});

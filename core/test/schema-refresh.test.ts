import test from 'ava';
import { connectDatabase } from '../src/database/connect.js';
import { loadConfig } from '../src/config/index.js';
import { migrateLatest } from '../src/database/migrate.js';
import type { Dialect } from '../src/database/dialects/types.js';
import { SchemaStore } from '../src/schema/schema-store.js';
import { createTestDatabase } from './helpers/databases.js';
import { eventually } from './helpers/wait.js';

// How an instance takes a schema change announced by another: it rebuilds at once instead of
// making its next request wait, and a burst of announcements does not start a rebuild each.

test('refresh rebuilds at once, a burst of changes costs at most two rebuilds, and a request never gets an overview read before the last change', async (t) => {
	const db = await createTestDatabase('sqlite');
	const database = connectDatabase(loadConfig({ env: db.env, cwd: process.cwd() }).database);
	try {
		await migrateLatest(database.knex);
		// Each introspection waits for the test to let it go, so the test decides what runs when.
		const released: Array<() => void> = [];
		let introspections = 0;
		const dialect: Dialect = {
			...database.dialect,
			introspect: async (...args) => {
				introspections += 1;
				await new Promise<void>((resolve) => released.push(resolve));
				return database.dialect.introspect(...args);
			},
		};
		const store = new SchemaStore(database.knex, dialect);
		const releaseAll = () => released.splice(0).forEach((release) => release());

		store.refresh();
		t.is(introspections, 1, 'the rebuild starts without a request asking');
		await database.knex.schema.createTable('ledger', (table) => table.increments('id'));
		for (let i = 0; i < 5; i++) store.refresh();
		t.is(introspections, 1, 'changes during a running rebuild wait for it rather than start their own');

		// A request now must not be handed the rebuild that began before the table existed.
		const read = store.get();
		t.is(introspections, 2);
		releaseAll();
		t.truthy((await read).collections.get('ledger'), 'the overview a request gets was read after the last change');
		// The rebuild after the burst is the request's own: it was still unbuilt when the first finished.
		t.true(await eventually(() => released.length === 0 && introspections === 2, 1000));
		t.truthy((await store.get()).collections.get('ledger'));
		t.is(introspections, 2);

		// With nobody reading meanwhile, the rebuild after a burst is the refresh's own, and it is used.
		store.refresh();
		await database.knex.schema.createTable('journal', (table) => table.increments('id'));
		store.refresh();
		t.is(introspections, 3);
		releaseAll();
		t.true(await eventually(() => introspections === 4, 1000), 'one more rebuild once the first is done');
		releaseAll();
		t.truthy((await store.get()).collections.get('journal'));
		t.is(introspections, 4, 'the request took the refreshed overview');
	} finally {
		await database.close();
		await db.drop();
	}
});

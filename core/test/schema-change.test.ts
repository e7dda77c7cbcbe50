import { connectDatabase } from '../src/database/connect.js';
import { loadConfig } from '../src/config/index.js';
import { SchemaStore } from '../src/schema/schema-store.js';
import { changeSchema } from '../src/schema/operations/context.js';
import { migrateLatest } from '../src/database/migrate.js';
import { vendorTest } from './helpers/vendor-test.js';
import { listTables } from './helpers/snapshot.js';

vendorTest('a schema change that fails after its DDL leaves neither the table nor its metadata behind', async (t, db) => {
	const database = connectDatabase(loadConfig({ env: db.env, cwd: process.cwd() }).database);
	const store = new SchemaStore(database.knex, database.dialect);
	try {
		await migrateLatest(database.knex);
		await database.knex('mantle_collections').insert({ collection: 'existing', note: 'kept as it was' });
		const failure = changeSchema({ knex: database.knex, dialect: database.dialect, store }, async (trx, onFailure) => {
			await trx.schema.createTable('half_made', (table) => table.increments('id'));
			onFailure(() => database.knex.schema.dropTableIfExists('half_made'));
			await trx('mantle_collections').insert({ collection: 'half_made' });
			throw new Error('the metadata step failed');
		});
		await t.throwsAsync(failure, { message: 'the metadata step failed' });
		t.false((await listTables(db)).includes('half_made'));
		t.deepEqual(await database.knex('mantle_collections').select('collection', 'note'), [{ collection: 'existing', note: 'kept as it was' }]);
	} finally {
		await database.close();
	}
});

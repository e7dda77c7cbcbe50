import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { loadConfig } from '../src/config/index.js';
import { connectDatabase } from '../src/database/connect.js';
import { dialectFor } from '../src/database/dialects/index.js';

const configFor = (env: Record<string, string>) => loadConfig({ env, cwd: mkdtempSync(path.join(os.tmpdir(), 'mantle-db-')) }).database;

test('SQLite opens in WAL mode with foreign keys on and the configured busy timeout, creating its folder', async (t) => {
	const database = connectDatabase(configFor({ DB_FILENAME: './nested/folder/app.db', DB_BUSY_TIMEOUT: '2500' }));
	try {
		const [{ journal_mode }] = await database.knex.raw('pragma journal_mode');
		const [{ foreign_keys }] = await database.knex.raw('pragma foreign_keys');
		const [{ timeout }] = await database.knex.raw('pragma busy_timeout');
		t.is(journal_mode, 'wal');
		t.is(foreign_keys, 1);
		t.is(timeout, 2500);
		await database.knex.schema.createTable('parent', (table) => table.increments('id'));
		await database.knex.schema.createTable('child', (table) => table.integer('parent').references('parent.id'));
		await t.throwsAsync(database.knex('child').insert({ parent: 42 }), { any: true, code: 'SQLITE_CONSTRAINT_FOREIGNKEY' });
	} finally {
		await database.close();
	}
});

test('DB_CLIENT spellings choose the vendor, and pool sizes come from DB_POOL_MIN / DB_POOL_MAX', (t) => {
	const network = { DB_HOST: 'db.internal', DB_DATABASE: 'app', DB_USER: 'app', DB_PASSWORD: 'pw', DB_POOL_MIN: '2', DB_POOL_MAX: '7' };
	const expectations = [
		['sqlite3', 'sqlite', 'better-sqlite3'],
		['pg', 'postgres', 'pg'],
		['postgres', 'postgres', 'pg'],
		['mysql', 'mysql', 'mysql2'],
		['mariadb', 'mysql', 'mysql2'],
		['mssql', 'mssql', 'mssql'],
		['oracledb', 'oracle', 'oracledb'],
	] as const;
	for (const [client, vendor, knexClient] of expectations) {
		const config = configFor({ ...network, DB_CLIENT: client });
		const dialect = dialectFor(config.client);
		t.is(dialect.vendor, vendor, client);
		const knexConfig = dialect.knexConfig(config);
		t.is(knexConfig.client, knexClient, client);
		if (vendor !== 'sqlite') t.like(knexConfig.pool, { min: 2, max: 7 }, client);
	}
});

test('network vendors connect to the configured host, port and database', (t) => {
	const base = { DB_HOST: 'db.internal', DB_PORT: '6000', DB_DATABASE: 'app', DB_USER: 'app', DB_PASSWORD: 'pw' };
	t.like(dialectFor('pg').knexConfig(configFor({ ...base, DB_CLIENT: 'pg', DB_SEARCH_PATH: 'app,public' })), {
		connection: { host: 'db.internal', port: 6000, database: 'app', user: 'app' },
		searchPath: ['app', 'public'],
	});
	t.like(dialectFor('mysql').knexConfig(configFor({ ...base, DB_CLIENT: 'mysql' })), {
		connection: { host: 'db.internal', port: 6000, database: 'app', charset: 'utf8mb4' },
	});
	t.like(dialectFor('mssql').knexConfig(configFor({ ...base, DB_CLIENT: 'mssql' })), { connection: { server: 'db.internal', port: 6000, database: 'app' } });
	t.like(dialectFor('oracledb').knexConfig(configFor({ ...base, DB_CLIENT: 'oracledb' })), {
		connection: { connectString: 'db.internal:6000/app', user: 'app' },
	});
	t.is(dialectFor('pg').knexConfig(configFor({ DB_CLIENT: 'pg', DB_CONNECTION_STRING: 'postgres://u@h:1/d' })).connection, 'postgres://u@h:1/d');
});

test('DB_CLIENT=mssql and DB_CLIENT=oracledb stop the start with a message saying they are not supported yet', (t) => {
	const network = { DB_HOST: 'db.internal', DB_DATABASE: 'app', DB_USER: 'app', DB_PASSWORD: 'pw' };
	for (const client of ['mssql', 'oracledb']) {
		const error = t.throws(() => connectDatabase(configFor({ ...network, DB_CLIENT: client })), { name: 'ConfigError' });
		t.regex(error!.message, new RegExp(`DB_CLIENT=${client} is not supported yet .*system tables do not install`), client);
	}
});

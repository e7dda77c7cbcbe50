import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { vendorTest } from './helpers/vendor-test.js';
import { listTables, snapshotRows } from './helpers/snapshot.js';
import { runCli } from './helpers/cli.js';

const workdir = () => mkdtempSync(path.join(os.tmpdir(), 'mantle-cli-'));

vendorTest('uninstall drops every mantle_ table and leaves a table that was there before exactly as it was', async (t, db) => {
	await db.knex.schema.createTable('customers', (table) => {
		table.increments('id');
		table.string('name', 80).notNullable();
		table.decimal('balance', 10, 2).defaultTo(0);
		table.index(['name']);
	});
	await db.knex('customers').insert([
		{ name: 'Grace', balance: 12.5 },
		{ name: 'Linus', balance: 0 },
	]);
	const columnsBefore = await db.knex('customers').columnInfo();
	const rowsBefore = await snapshotRows(db.knex, ['customers']);

	const cwd = workdir();
	const boot = await runCli(['bootstrap'], { cwd, env: db.env });
	t.is(boot.code, 0, boot.stderr);
	t.true((await listTables(db)).includes('mantle_users'));

	const refused = await runCli(['uninstall'], { cwd, env: db.env, input: 'n\n' });
	t.is(refused.code, 0, refused.stderr);
	t.regex(refused.stdout, /Nothing was changed/);
	t.true((await listTables(db)).includes('mantle_users'), 'answering no keeps everything');

	const result = await runCli(['uninstall', '--yes'], { cwd, env: db.env });
	t.is(result.code, 0, result.stderr);
	t.deepEqual(await listTables(db), ['customers']);
	t.deepEqual(await db.knex('customers').columnInfo(), columnsBefore);
	t.deepEqual(await snapshotRows(db.knex, ['customers']), rowsBefore);
});

vendorTest('users create adds a user with a role by name, and refuses a duplicate e-mail', async (t, db) => {
	const cwd = workdir();
	t.is((await runCli(['bootstrap'], { cwd, env: db.env })).code, 0);
	const created = await runCli(['users', 'create', '--email', 'lin@example.com', '--password', 'long enough pw', '--role', 'Administrator'], {
		cwd,
		env: db.env,
	});
	t.is(created.code, 0, created.stderr);
	const user = await db.knex('mantle_users').where({ id: created.stdout.trim() }).first();
	t.is(user.email, 'lin@example.com');
	const role = await db.knex('mantle_roles').where({ id: user.role }).first();
	t.is(role.name, 'Administrator');

	const again = await runCli(['users', 'create', '--email', 'lin@example.com', '--password', 'long enough pw'], { cwd, env: db.env });
	t.is(again.code, 1);
	t.regex(again.stderr, /already exists/);
	const noRole = await runCli(['users', 'create', '--email', 'x@example.com', '--password', 'long enough pw', '--role', 'Pilots'], { cwd, env: db.env });
	t.regex(noRole.stderr, /No role has the id or name "Pilots"/);
});

test('init --yes writes a .env that starts, with a generated SECRET, and refuses to overwrite it', async (t) => {
	const cwd = workdir();
	const result = await runCli(['init', '--yes', '--port', '9123', '--admin-email', 'ops@example.com'], { cwd });
	t.is(result.code, 0, result.stderr);
	const written = readFileSync(path.join(cwd, '.env'), 'utf8');
	t.regex(written, /^DB_CLIENT="sqlite3"$/m);
	t.regex(written, /^PORT="9123"$/m);
	t.regex(written, /^ADMIN_EMAIL="ops@example.com"$/m);
	t.regex(written, /^SECRET="[\w-]{40,}"$/m);

	const again = await runCli(['init', '--yes'], { cwd });
	t.is(again.code, 1);
	t.regex(again.stderr, /already exists; pass --force/);

	const invalidDir = workdir();
	const invalid = await runCli(['init', '--yes', '--db-client', 'pg', '--db-port', 'fivefourthreetwo'], { cwd: invalidDir });
	t.is(invalid.code, 1);
	t.regex(invalid.stderr, /DB_PORT must be a port number/);
	t.false(existsSync(path.join(invalidDir, '.env')), 'an invalid answer writes nothing');
});

test('a bad DB_CLIENT or PORT stops the CLI with one line naming the variable and no stack', async (t) => {
	const cwd = workdir();
	const client = await runCli(['bootstrap'], { cwd, env: { DB_CLIENT: 'mongodb' } });
	t.is(client.code, 1);
	t.is(client.stderr.trim().split('\n').length, 1);
	t.regex(client.stderr, /DB_CLIENT must be one of/);

	const port = await runCli(['start'], { cwd, env: { PORT: '-3' } });
	t.is(port.code, 1);
	t.regex(port.stderr, /^Invalid configuration: PORT must be a port number between 0 and 65535 \(got "-3"\)\.$/m);
	t.false(existsSync(path.join(cwd, 'data')), 'nothing was created before the check');
});

vendorTest('migrate latest applies the system migrations once, and migrate down undoes the last one', async (t, db) => {
	const cwd = workdir();
	const first = await runCli(['migrate', 'latest'], { cwd, env: db.env });
	t.is(first.code, 0, first.stderr);
	t.regex(first.stdout, /Applied: 0001-system-tables/);
	t.regex((await runCli(['migrate', 'latest'], { cwd, env: db.env })).stdout, /Already up to date/);
	t.true((await listTables(db)).includes('mantle_permissions'));

	const down = await runCli(['migrate', 'down'], { cwd, env: db.env });
	t.regex(down.stdout, /Undone: 0001-system-tables/);
	t.false((await listTables(db)).includes('mantle_permissions'));
	t.regex((await runCli(['migrate', 'down'], { cwd, env: db.env })).stdout, /Nothing to undo/);
});

test('init asks each question in turn, taking the default on an empty answer', async (t) => {
	const cwd = workdir();
	// DB client, host (default), port, database, user, password, HTTP port (default), admin e-mail, admin password.
	const answers = ['pg', '', '5433', 'shop', 'shopkeeper', 'hunter2hunter2', '', 'owner@example.com', ''].join('\n') + '\n';
	const result = await runCli(['init', '--interactive'], { cwd, input: answers });
	t.is(result.code, 0, result.stderr);
	t.regex(result.stdout, /Database client \(sqlite3, pg, mysql, mssql, oracledb\) \(sqlite3\): /);
	const written = readFileSync(path.join(cwd, '.env'), 'utf8');
	for (const line of [
		'DB_CLIENT="pg"',
		'DB_HOST="127.0.0.1"',
		'DB_PORT="5433"',
		'DB_DATABASE="shop"',
		'DB_USER="shopkeeper"',
		'DB_PASSWORD="hunter2hunter2"',
		'PORT="8055"',
		'ADMIN_EMAIL="owner@example.com"',
	]) {
		t.true(written.includes(line), line);
	}
	t.false(written.includes('DB_FILENAME'), 'SQLite questions are skipped for a network database');
	t.false(written.includes('ADMIN_PASSWORD'), 'an empty admin password is left to bootstrap to generate');
});

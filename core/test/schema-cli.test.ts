import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { vendorTest } from './helpers/vendor-test.js';
import { createTestDatabase } from './helpers/databases.js';
import { startKernel } from './helpers/kernel.js';
import { api } from './helpers/http.js';
import { listTables, snapshotRows } from './helpers/snapshot.js';
import { runCli } from './helpers/cli.js';

async function call(url: string, method: string, route: string, body: unknown) {
	const response = await api(url, method, route, body);
	if (response.status !== 200) throw new Error(`${method} ${route}: ${JSON.stringify(response.body)}`);
}

vendorTest(
	'schema snapshot writes a YAML file that schema apply replays on an empty database: --dry-run lists the steps and changes nothing, --yes applies them',
	async (t, db) => {
		const cwd = mkdtempSync(path.join(os.tmpdir(), 'mantle-schema-cli-'));
		const file = path.join(cwd, 'model.yaml');
		const source = await createTestDatabase('sqlite');
		try {
			const kernel = await startKernel(source);
			try {
				await call(kernel.url, 'POST', '/collections', {
					collection: 'authors',
					schema: {},
					meta: { icon: 'person' },
					fields: [{ field: 'name', type: 'string', schema: { max_length: 120, is_nullable: false, default_value: 'anonymous' } }],
				});
				await call(kernel.url, 'POST', '/collections', {
					collection: 'books',
					schema: {},
					meta: { note: 'What they wrote' },
					fields: [
						{ field: 'title', type: 'string' },
						{ field: 'price', type: 'decimal', schema: { numeric_precision: 10, numeric_scale: 2 } },
						{ field: 'author', type: 'integer', meta: { special: ['m2o'] } },
					],
				});
				await call(kernel.url, 'POST', '/relations', {
					collection: 'books',
					field: 'author',
					related_collection: 'authors',
					schema: { on_delete: 'CASCADE' },
					meta: { one_field: 'books' },
				});
			} finally {
				await kernel.stop();
			}
			const written = await runCli(['schema', 'snapshot', file], { cwd, env: source.env });
			t.is(written.code, 0, written.stderr);
			t.regex(written.stdout, /Wrote a snapshot of 2 collections, 7 fields and 1 relations to/);
			const snapshot = parse(readFileSync(file, 'utf8'));
			t.like(snapshot, { version: 1, vendor: 'sqlite' });

			t.is((await runCli(['bootstrap'], { cwd, env: db.env })).code, 0);
			const tablesBefore = await listTables(db);
			const metadataBefore = await snapshotRows(db.knex, ['mantle_collections', 'mantle_fields', 'mantle_relations']);
			const dryRun = await runCli(['schema', 'apply', file, '--dry-run'], { cwd, env: db.env });
			t.is(dryRun.code, 0, dryRun.stderr);
			t.regex(dryRun.stdout, /create collection authors \(3 fields\)/);
			t.regex(dryRun.stdout, /create collection books \(4 fields\)/);
			t.regex(dryRun.stdout, /create relation books\.author → authors/);
			t.regex(dryRun.stdout, /nothing was changed/);
			t.deepEqual(await listTables(db), tablesBefore);
			t.deepEqual(await snapshotRows(db.knex, ['mantle_collections', 'mantle_fields', 'mantle_relations']), metadataBefore);

			const applied = await runCli(['schema', 'apply', file, '--yes'], { cwd, env: db.env });
			t.is(applied.code, 0, applied.stderr);
			t.regex(applied.stdout, /Applied 3 changes/);
			const copied = await runCli(['schema', 'snapshot', '--format', 'json'], { cwd, env: db.env });
			const { vendor, ...rest } = JSON.parse(copied.stdout);
			t.is(vendor, { sqlite: 'sqlite', postgres: 'postgres', mysql: 'mysql' }[db.vendor]);
			const { vendor: _source, ...expected } = snapshot;
			t.deepEqual(rest, expected);
			await t.throwsAsync(db.knex('books').insert({ title: 'Orphan', author: 42 }), { any: true }, 'the relation is a real foreign key');

			const again = await runCli(['schema', 'apply', file, '--yes'], { cwd, env: db.env });
			t.is(again.code, 0, again.stderr);
			t.regex(again.stdout, /already matches/);
		} finally {
			await source.drop();
		}
	},
);

vendorTest('schema apply refuses a snapshot from a newer major version with one line naming both versions, and needs the system tables', async (t, db) => {
	const cwd = mkdtempSync(path.join(os.tmpdir(), 'mantle-schema-cli-'));
	const file = path.join(cwd, 'newer.json');
	writeFileSync(file, JSON.stringify({ version: 1, mantle: '99.0.0', vendor: 'sqlite', collections: [], fields: [], relations: [] }));
	const unbootstrapped = await runCli(['schema', 'apply', file], { cwd, env: db.env });
	t.is(unbootstrapped.code, 1);
	t.regex(unbootstrapped.stderr, /run `mantle bootstrap` first/);

	t.is((await runCli(['bootstrap'], { cwd, env: db.env })).code, 0);
	const refused = await runCli(['schema', 'apply', file, '--yes'], { cwd, env: db.env });
	t.is(refused.code, 1);
	t.is(refused.stderr.trim().split('\n').length, 1);
	t.regex(refused.stderr, /Mantle 99\.0\.0, a newer major version than this Mantle \d+\.\d+\.\d+/);
});

// A 300-table database (8 columns each, a foreign key from every third table, metadata for every
// field of a third of them) on a scratch SQLite file and a scratch PostgreSQL database: median of
// 5 runs of `introspect`, and of a full rebuild of the schema overview (introspection + Mantle's
// metadata + merging), which is what a schema change or /utils/cache/clear costs.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import createKnex from 'knex';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { dialectFor } = await import(path.join(root, 'core/dist/database/dialects/index.js'));
const { migrateLatest } = await import(path.join(root, 'core/dist/database/migrate.js'));
const { SchemaStore } = await import(path.join(root, 'core/dist/schema/schema-store.js'));

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function createTables(knex, count) {
	for (let i = 0; i < count; i++) {
		await knex.schema.createTable(`table_${i}`, (table) => {
			table.increments('id');
			table.string('name', 120).notNullable();
			table.text('notes');
			table.integer('quantity').defaultTo(0);
			table.decimal('price', 10, 2);
			table.boolean('active').defaultTo(true);
			table.timestamp('created_at').defaultTo(knex.fn.now());
			table.integer('parent').unsigned().nullable();
			if (i % 3 === 2)
				table
					.foreign('parent')
					.references('id')
					.inTable(`table_${i - 1}`)
					.onDelete('SET NULL');
			table.index(['name', 'quantity']);
		});
	}
}

/** Metadata rows as the Studio would leave them: every field of every third table described. */
async function describeFields(knex, count) {
	await migrateLatest(knex);
	const rows = [];
	for (let i = 0; i < count; i += 3) {
		for (const field of ['id', 'name', 'notes', 'quantity', 'price', 'active', 'created_at', 'parent']) {
			rows.push({ collection: `table_${i}`, field, interface: 'input', options: JSON.stringify({ placeholder: field }), width: 'half' });
		}
	}
	await knex.batchInsert('mantle_fields', rows, 100);
}

async function timeOverview(dialect, knex, rounds) {
	const figures = [];
	const store = new SchemaStore(knex, dialect);
	let overview;
	for (let i = 0; i < rounds; i++) {
		store.invalidate();
		const started = performance.now();
		overview = await store.get();
		figures.push(performance.now() - started);
	}
	return { figures, overview };
}

function reportOverview(label, { figures, overview }) {
	const fmt = (ms) => ms.toFixed(1);
	const fields = [...overview.collections.values()].reduce((sum, c) => sum + c.fields.length, 0);
	console.log(
		`  ${label}: overview rebuild median ${fmt(median(figures))} ms (min ${fmt(Math.min(...figures))}, max ${fmt(Math.max(...figures))}); ` +
			`${overview.collections.size} collections, ${fields} fields, ${overview.relations.length} relations`,
	);
}

async function time(dialect, knex, rounds) {
	const figures = [];
	let schema;
	for (let i = 0; i < rounds; i++) {
		const started = performance.now();
		schema = await dialect.introspect(knex);
		figures.push(performance.now() - started);
	}
	return { figures, schema };
}

function report(label, { figures, schema }) {
	const fmt = (ms) => ms.toFixed(1);
	console.log(
		`  ${label}: median ${fmt(median(figures))} ms (min ${fmt(Math.min(...figures))}, max ${fmt(Math.max(...figures))}); ` +
			`${schema.tables.length} tables, ${schema.columns.length} columns, ${schema.foreignKeys.length} foreign keys, ${schema.indexes.length} indexes`,
	);
}

export async function run(args) {
	const tables = Number(args[0] ?? 300);
	const rounds = 5;
	console.log(`introspect a ${tables}-table database, median of ${rounds}`);

	const dir = mkdtempSync(path.join(os.tmpdir(), 'mantle-bench-'));
	const sqlite = createKnex(dialectFor('sqlite3').knexConfig({ client: 'sqlite3', filename: path.join(dir, 'bench.db'), busyTimeout: 5000, pool: {} }));
	try {
		await createTables(sqlite, tables);
		report('SQLite    ', await time(dialectFor('sqlite3'), sqlite, rounds));
		await describeFields(sqlite, tables);
		reportOverview('SQLite    ', await timeOverview(dialectFor('sqlite3'), sqlite, rounds));
	} finally {
		await sqlite.destroy();
		rmSync(dir, { recursive: true, force: true });
	}

	const name = `mantle_bench_${randomBytes(4).toString('hex')}`;
	const server = { host: '127.0.0.1', port: 5432, user: 'postgres' };
	const admin = createKnex({ client: 'pg', connection: { ...server, database: 'postgres' } });
	await admin.raw(`create database ${name}`);
	const postgres = createKnex({ client: 'pg', connection: { ...server, database: name } });
	try {
		await createTables(postgres, tables);
		report('PostgreSQL', await time(dialectFor('pg'), postgres, rounds));
		await describeFields(postgres, tables);
		reportOverview('PostgreSQL', await timeOverview(dialectFor('pg'), postgres, rounds));
	} finally {
		await postgres.destroy();
		await admin.raw(`drop database if exists ${name} with (force)`);
		await admin.destroy();
	}
	console.log('  target: well under 1000 ms');
}

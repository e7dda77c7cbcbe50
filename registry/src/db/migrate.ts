import type { Knex } from 'knex';

/**
 * The registry's tables, created when missing; safe to run at every start. Package documents are
 * kept as JSON per version, so a packument is a read of rows, not a rebuild.
 */
export async function migrateRegistry(knex: Knex): Promise<void> {
	const create = async (name: string, build: (table: Knex.CreateTableBuilder) => void) => {
		if (!(await knex.schema.hasTable(name))) await knex.schema.createTable(name, build);
	};
	await create('registry_publishers', (table) => {
		table.increments('id');
		table.string('name', 214).notNullable().unique();
		table.boolean('verified').notNullable().defaultTo(false);
		table.string('password_hash', 255);
		table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
	});
	await create('registry_tokens', (table) => {
		table.string('token_hash', 64).primary();
		table.integer('publisher_id').notNullable().references('registry_publishers.id').onDelete('CASCADE');
		table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
	});
	await create('registry_packages', (table) => {
		table.string('name', 214).primary();
		table.integer('publisher_id').notNullable().references('registry_publishers.id');
		table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
		table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
	});
	await create('registry_versions', (table) => {
		table.string('name', 214).notNullable().references('registry_packages.name').onDelete('CASCADE');
		table.string('version', 64).notNullable();
		table.text('document').notNullable();
		table.text('readme');
		table.string('integrity', 200).notNullable();
		table.string('tarball_key', 400).notNullable();
		table.integer('size').notNullable();
		table.text('deprecated');
		table.timestamp('published_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
		table.primary(['name', 'version']);
	});
	await create('registry_dist_tags', (table) => {
		table.string('name', 214).notNullable().references('registry_packages.name').onDelete('CASCADE');
		table.string('tag', 64).notNullable();
		table.string('version', 64).notNullable();
		table.primary(['name', 'tag']);
	});
	await create('registry_downloads', (table) => {
		table.string('name', 214).notNullable();
		table.string('day', 10).notNullable();
		table.integer('count').notNullable().defaultTo(0);
		table.primary(['name', 'day']);
	});
}

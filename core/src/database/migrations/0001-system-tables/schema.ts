import type { Knex } from 'knex';
import { foreignKey, uniqueKey, dropTables } from './keys.js';

/** The data model's metadata: what Directus clients read as directus_collections, _fields and _relations. */
export async function create(knex: Knex): Promise<void> {
	await knex.schema.createTable('mantle_collections', (table) => {
		table.string('collection', 64).primary();
		table.string('icon', 64);
		table.text('note');
		table.string('display_template', 255);
		table.boolean('hidden').notNullable().defaultTo(false);
		table.boolean('singleton').notNullable().defaultTo(false);
		table.json('translations');
		table.string('archive_field', 64);
		table.boolean('archive_app_filter').notNullable().defaultTo(true);
		table.string('archive_value', 255);
		table.string('unarchive_value', 255);
		table.string('sort_field', 64);
		table.string('accountability', 255).defaultTo('all');
		table.string('color', 255);
		table.json('item_duplication_fields');
		table.integer('sort');
		table.string('group', 64);
		table.string('collapse', 255).notNullable().defaultTo('open');
		table.string('preview_url', 255);
		table.boolean('versioning').notNullable().defaultTo(false);
		foreignKey(table, 'group', 'mantle_collections.collection', 'mantle_collections_group_fk', 'SET NULL');
	});

	// Fields and relations name collections that may exist only in the database, without a row in
	// mantle_collections, so they hold plain names rather than foreign keys.
	await knex.schema.createTable('mantle_fields', (table) => {
		table.increments('id');
		table.string('collection', 64).notNullable();
		table.string('field', 64).notNullable();
		table.string('special', 64);
		table.string('interface', 64);
		table.json('options');
		table.string('display', 64);
		table.json('display_options');
		table.boolean('readonly').notNullable().defaultTo(false);
		table.boolean('hidden').notNullable().defaultTo(false);
		table.integer('sort');
		table.string('width', 30).defaultTo('full');
		table.json('translations');
		table.text('note');
		table.json('conditions');
		table.boolean('required').defaultTo(false);
		table.string('group', 64);
		table.json('validation');
		table.text('validation_message');
		uniqueKey(table, ['collection', 'field'], 'mantle_fields_field_uq');
	});

	await knex.schema.createTable('mantle_relations', (table) => {
		table.increments('id');
		table.string('many_collection', 64).notNullable();
		table.string('many_field', 64).notNullable();
		table.string('one_collection', 64);
		table.string('one_field', 64);
		table.string('one_collection_field', 64);
		table.text('one_allowed_collections');
		table.string('junction_field', 64);
		table.string('sort_field', 64);
		table.string('one_deselect_action', 255).notNullable().defaultTo('nullify');
	});
}

export async function drop(knex: Knex): Promise<void> {
	await dropTables(knex, ['mantle_relations', 'mantle_fields', 'mantle_collections']);
}

import type { Knex } from 'knex';
import { foreignKey, dropTables } from './keys.js';

/**
 * Folders and file records. Files point at users (who uploaded, who modified) and users point at
 * files (their avatar): files are created first, and `linkUsers` adds their half of the cycle once
 * mantle_users exists.
 */
export async function create(knex: Knex): Promise<void> {
	await knex.schema.createTable('mantle_folders', (table) => {
		table.uuid('id').primary();
		table.string('name', 255).notNullable();
		table.uuid('parent');
		foreignKey(table, 'parent', 'mantle_folders.id', 'mantle_folders_parent_fk', 'SET NULL');
	});

	await knex.schema.createTable('mantle_files', (table) => {
		table.uuid('id').primary();
		table.string('storage', 255).notNullable();
		table.string('filename_disk', 255);
		table.string('filename_download', 255).notNullable();
		table.string('title', 255);
		table.string('type', 255);
		table.uuid('folder');
		table.uuid('uploaded_by');
		table.timestamp('created_on', { useTz: true }).notNullable().defaultTo(knex.fn.now());
		table.uuid('modified_by');
		table.timestamp('modified_on', { useTz: true }).notNullable().defaultTo(knex.fn.now());
		table.string('charset', 50);
		table.bigInteger('filesize');
		table.integer('width');
		table.integer('height');
		table.integer('duration');
		table.string('embed', 200);
		table.text('description');
		table.text('location');
		table.json('tags');
		table.json('metadata');
		table.integer('focal_point_x');
		table.integer('focal_point_y');
		table.string('tus_id', 64);
		table.json('tus_data');
		table.timestamp('uploaded_on', { useTz: true });
		foreignKey(table, 'folder', 'mantle_folders.id', 'mantle_files_folder_fk', 'SET NULL');
	});
}

/** Closes the files <-> users cycle, once both tables exist. */
export async function linkUsers(knex: Knex): Promise<void> {
	await knex.schema.alterTable('mantle_files', (table) => {
		foreignKey(table, 'uploaded_by', 'mantle_users.id', 'mantle_files_uploaded_by_fk', 'SET NULL');
		foreignKey(table, 'modified_by', 'mantle_users.id', 'mantle_files_modified_by_fk', 'SET NULL');
	});
}

/** Undoes `linkUsers`, so that mantle_users can be dropped before mantle_files. */
export async function unlinkUsers(knex: Knex): Promise<void> {
	if (!(await knex.schema.hasTable('mantle_files'))) return;
	await knex.schema.alterTable('mantle_files', (table) => {
		table.dropForeign('uploaded_by', 'mantle_files_uploaded_by_fk');
		table.dropForeign('modified_by', 'mantle_files_modified_by_fk');
	});
}

export async function drop(knex: Knex): Promise<void> {
	await dropTables(knex, ['mantle_files', 'mantle_folders']);
}

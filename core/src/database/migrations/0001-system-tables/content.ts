import type { Knex } from 'knex';
import { auditColumns, auditKeys } from './audit.js';
import { foreignKey, dropTables } from './keys.js';

/**
 * What happens to items: the activity log, revisions, content versions, comments and the
 * notifications they raise. Needs mantle_collections and mantle_users to exist.
 */
export async function create(knex: Knex): Promise<void> {
	// `user` holds a plain id, not a foreign key: the log must keep saying who acted after that
	// user is deleted.
	await knex.schema.createTable('mantle_activity', (table) => {
		table.increments('id');
		table.string('action', 45).notNullable();
		table.uuid('user');
		table.timestamp('timestamp', { useTz: true }).notNullable().defaultTo(knex.fn.now());
		table.string('ip', 50);
		table.text('user_agent');
		table.string('collection', 64).notNullable();
		table.string('item', 255).notNullable();
		table.string('origin', 255);
	});

	await knex.schema.createTable('mantle_versions', (table) => {
		table.uuid('id').primary();
		table.string('key', 64).notNullable();
		table.string('name', 255);
		table.string('collection', 64).notNullable();
		table.string('item', 255).notNullable();
		table.string('hash', 255);
		auditColumns(knex, table, 'created and updated');
		table.json('delta');
		foreignKey(table, 'collection', 'mantle_collections.collection', 'mantle_versions_collection_fk', 'CASCADE');
		auditKeys(table, 'mantle_versions', 'created and updated');
	});

	await knex.schema.createTable('mantle_revisions', (table) => {
		table.increments('id');
		// Unsigned to match increments() on MySQL, which refuses a key between differing types.
		table.integer('activity').unsigned().notNullable();
		table.string('collection', 64).notNullable();
		table.string('item', 255).notNullable();
		table.json('data');
		table.json('delta');
		table.integer('parent').unsigned();
		table.uuid('version');
		foreignKey(table, 'activity', 'mantle_activity.id', 'mantle_revisions_activity_fk', 'CASCADE');
		// A parent revision shares its child's activity, so pruning the log deletes both in one
		// statement; SET NULL keeps MySQL, which checks each row as it goes, from refusing that.
		foreignKey(table, 'parent', 'mantle_revisions.id', 'mantle_revisions_parent_fk', 'SET NULL');
		foreignKey(table, 'version', 'mantle_versions.id', 'mantle_revisions_version_fk', 'CASCADE');
	});

	await knex.schema.createTable('mantle_comments', (table) => {
		table.uuid('id').primary();
		table.string('collection', 64).notNullable();
		table.string('item', 255).notNullable();
		table.text('comment').notNullable();
		auditColumns(knex, table, 'created and updated');
		foreignKey(table, 'collection', 'mantle_collections.collection', 'mantle_comments_collection_fk', 'CASCADE');
		auditKeys(table, 'mantle_comments', 'created and updated');
	});

	await knex.schema.createTable('mantle_notifications', (table) => {
		table.increments('id');
		table.timestamp('timestamp', { useTz: true }).defaultTo(knex.fn.now());
		table.string('status', 255).defaultTo('inbox');
		table.uuid('recipient').notNullable();
		table.uuid('sender');
		table.string('subject', 255).notNullable();
		table.text('message');
		table.string('collection', 64);
		table.string('item', 255);
		foreignKey(table, 'recipient', 'mantle_users.id', 'mantle_notifications_to_fk', 'CASCADE');
		foreignKey(table, 'sender', 'mantle_users.id', 'mantle_notifications_from_fk', 'SET NULL');
	});
}

export async function drop(knex: Knex): Promise<void> {
	await dropTables(knex, ['mantle_notifications', 'mantle_comments', 'mantle_revisions', 'mantle_versions', 'mantle_activity']);
}

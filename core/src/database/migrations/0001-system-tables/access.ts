import type { Knex } from 'knex';
import { auditKeys } from './audit.js';
import { foreignKey, uniqueKey, dropTables } from './keys.js';

/**
 * Who may do what: roles, policies, users, the access rows that attach policies to roles and
 * users, permissions, and the sessions and shares that carry an identity. Needs mantle_collections
 * and mantle_files to exist.
 */
export async function create(knex: Knex): Promise<void> {
	await knex.schema.createTable('mantle_roles', (table) => {
		table.uuid('id').primary();
		table.string('name', 100).notNullable();
		table.string('icon', 64).notNullable().defaultTo('supervised_user_circle');
		table.text('description');
		table.uuid('parent');
		foreignKey(table, 'parent', 'mantle_roles.id', 'mantle_roles_parent_fk', 'SET NULL');
	});

	await knex.schema.createTable('mantle_policies', (table) => {
		table.uuid('id').primary();
		table.string('name', 100).notNullable();
		table.string('icon', 64).notNullable().defaultTo('badge');
		table.text('description');
		table.text('ip_access');
		table.boolean('enforce_tfa').notNullable().defaultTo(false);
		table.boolean('admin_access').notNullable().defaultTo(false);
		table.boolean('app_access').notNullable().defaultTo(false);
	});

	await knex.schema.createTable('mantle_users', (table) => {
		table.uuid('id').primary();
		table.string('first_name', 50);
		table.string('last_name', 50);
		table.string('email', 128);
		table.string('password', 255);
		table.string('location', 255);
		table.string('title', 50);
		table.text('description');
		table.json('tags');
		table.uuid('avatar');
		table.string('language', 255);
		table.string('tfa_secret', 255);
		table.string('status', 16).notNullable().defaultTo('active');
		table.uuid('role');
		table.string('token', 255);
		table.timestamp('last_access', { useTz: true });
		table.string('last_page', 255);
		table.string('provider', 128).notNullable().defaultTo('default');
		table.string('external_identifier', 255);
		table.json('auth_data');
		table.boolean('email_notifications').defaultTo(true);
		table.string('appearance', 255);
		table.string('theme_dark', 255);
		table.string('theme_light', 255);
		table.json('theme_light_overrides');
		table.json('theme_dark_overrides');
		table.string('text_direction', 255).notNullable().defaultTo('auto');
		// Unique yet nullable: every vendor but SQL Server lets NULLs repeat under a unique index,
		// and knex writes SQL Server's as a filtered index that skips them.
		uniqueKey(table, ['email'], 'mantle_users_email_uq');
		uniqueKey(table, ['token'], 'mantle_users_token_uq');
		uniqueKey(table, ['external_identifier'], 'mantle_users_ext_id_uq');
		foreignKey(table, 'role', 'mantle_roles.id', 'mantle_users_role_fk', 'SET NULL');
		foreignKey(table, 'avatar', 'mantle_files.id', 'mantle_users_avatar_fk', 'SET NULL');
	});

	await knex.schema.createTable('mantle_access', (table) => {
		table.uuid('id').primary();
		table.uuid('role');
		table.uuid('user');
		table.uuid('policy').notNullable();
		table.integer('sort');
		foreignKey(table, 'role', 'mantle_roles.id', 'mantle_access_role_fk', 'CASCADE');
		foreignKey(table, 'user', 'mantle_users.id', 'mantle_access_user_fk', 'CASCADE');
		foreignKey(table, 'policy', 'mantle_policies.id', 'mantle_access_policy_fk', 'CASCADE');
	});

	await knex.schema.createTable('mantle_permissions', (table) => {
		table.increments('id');
		table.string('collection', 64).notNullable();
		table.string('action', 10).notNullable();
		table.json('permissions');
		table.json('validation');
		table.json('presets');
		table.text('fields');
		table.uuid('policy').notNullable();
		foreignKey(table, 'policy', 'mantle_policies.id', 'mantle_permissions_policy_fk', 'CASCADE');
	});

	await knex.schema.createTable('mantle_shares', (table) => {
		table.uuid('id').primary();
		table.string('name', 255);
		table.string('collection', 64).notNullable();
		table.string('item', 255).notNullable();
		table.uuid('role');
		table.string('password', 255);
		table.uuid('user_created');
		table.timestamp('date_created', { useTz: true }).defaultTo(knex.fn.now());
		table.timestamp('date_start', { useTz: true });
		table.timestamp('date_end', { useTz: true });
		table.integer('times_used').defaultTo(0);
		table.integer('max_uses');
		foreignKey(table, 'collection', 'mantle_collections.collection', 'mantle_shares_collection_fk', 'CASCADE');
		foreignKey(table, 'role', 'mantle_roles.id', 'mantle_shares_role_fk', 'CASCADE');
		auditKeys(table, 'mantle_shares', 'created');
	});

	// A session belongs either to a user or, for a share's visitor, to a share.
	await knex.schema.createTable('mantle_sessions', (table) => {
		table.string('token', 64).primary();
		table.uuid('user');
		table.timestamp('expires', { useTz: true }).notNullable();
		table.string('ip', 255);
		table.text('user_agent');
		table.uuid('share');
		table.string('origin', 255);
		table.string('next_token', 64);
		foreignKey(table, 'user', 'mantle_users.id', 'mantle_sessions_user_fk', 'CASCADE');
		foreignKey(table, 'share', 'mantle_shares.id', 'mantle_sessions_share_fk', 'CASCADE');
	});
}

export async function drop(knex: Knex): Promise<void> {
	await dropTables(knex, ['mantle_sessions', 'mantle_shares', 'mantle_permissions', 'mantle_access', 'mantle_users', 'mantle_policies', 'mantle_roles']);
}

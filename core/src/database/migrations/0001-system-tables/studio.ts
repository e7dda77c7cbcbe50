import type { Knex } from 'knex';
import { auditColumns, auditKeys } from './audit.js';
import { foreignKey, dropTables } from './keys.js';

/**
 * What shapes the Studio: project settings, saved presets and bookmarks, insights dashboards
 * and their panels, and custom translation strings. Needs the access and files tables to exist.
 */
export async function create(knex: Knex): Promise<void> {
	// A single row in practice; an integer key as in Directus, whose clients read it as such.
	await knex.schema.createTable('mantle_settings', (table) => {
		table.increments('id');
		table.string('project_name', 100).notNullable().defaultTo('Mantle');
		table.string('project_url', 255);
		table.string('project_color', 255).defaultTo('#6644FF');
		table.uuid('project_logo');
		table.uuid('public_foreground');
		table.uuid('public_background');
		table.text('public_note');
		table.integer('auth_login_attempts').defaultTo(25);
		table.string('auth_password_policy', 100);
		table.string('storage_asset_transform', 7).defaultTo('all');
		table.json('storage_asset_presets');
		table.text('custom_css');
		table.uuid('storage_default_folder');
		table.json('basemaps');
		table.string('mapbox_key', 255);
		table.json('module_bar');
		table.string('project_descriptor', 100);
		table.string('default_language', 255).notNullable().defaultTo('en-US');
		table.json('custom_aspect_ratios');
		table.uuid('public_favicon');
		table.string('default_appearance', 255).notNullable().defaultTo('auto');
		table.string('default_theme_light', 255);
		table.json('theme_light_overrides');
		table.string('default_theme_dark', 255);
		table.json('theme_dark_overrides');
		table.string('report_error_url', 255);
		table.string('report_bug_url', 255);
		table.string('report_feature_url', 255);
		table.boolean('public_registration').notNullable().defaultTo(false);
		table.boolean('public_registration_verify_email').notNullable().defaultTo(true);
		table.uuid('public_registration_role');
		table.json('public_registration_email_filter');
		foreignKey(table, 'project_logo', 'mantle_files.id', 'mantle_settings_logo_fk', 'SET NULL');
		foreignKey(table, 'public_foreground', 'mantle_files.id', 'mantle_settings_foreground_fk', 'SET NULL');
		foreignKey(table, 'public_background', 'mantle_files.id', 'mantle_settings_background_fk', 'SET NULL');
		foreignKey(table, 'public_favicon', 'mantle_files.id', 'mantle_settings_favicon_fk', 'SET NULL');
		foreignKey(table, 'storage_default_folder', 'mantle_folders.id', 'mantle_settings_folder_fk', 'SET NULL');
		foreignKey(table, 'public_registration_role', 'mantle_roles.id', 'mantle_settings_reg_role_fk', 'SET NULL');
	});

	// A preset with neither user nor role is the global default for its collection.
	await knex.schema.createTable('mantle_presets', (table) => {
		table.increments('id');
		table.string('bookmark', 255);
		table.uuid('user');
		table.uuid('role');
		table.string('collection', 64);
		table.string('search', 100);
		table.string('layout', 100).defaultTo('tabular');
		table.json('layout_query');
		table.json('layout_options');
		table.integer('refresh_interval');
		table.json('filter');
		table.string('icon', 64).defaultTo('bookmark');
		table.string('color', 255);
		foreignKey(table, 'user', 'mantle_users.id', 'mantle_presets_user_fk', 'CASCADE');
		foreignKey(table, 'role', 'mantle_roles.id', 'mantle_presets_role_fk', 'CASCADE');
	});

	await knex.schema.createTable('mantle_dashboards', (table) => {
		table.uuid('id').primary();
		table.string('name', 255).notNullable();
		table.string('icon', 64).notNullable().defaultTo('dashboard');
		table.text('note');
		auditColumns(knex, table, 'created');
		table.string('color', 255);
		auditKeys(table, 'mantle_dashboards', 'created');
	});

	await knex.schema.createTable('mantle_panels', (table) => {
		table.uuid('id').primary();
		table.uuid('dashboard').notNullable();
		table.string('name', 255);
		table.string('icon', 64);
		table.string('color', 10);
		table.boolean('show_header').notNullable().defaultTo(false);
		table.text('note');
		table.string('type', 255).notNullable();
		table.integer('position_x').notNullable();
		table.integer('position_y').notNullable();
		table.integer('width').notNullable();
		table.integer('height').notNullable();
		table.json('options');
		auditColumns(knex, table, 'created');
		foreignKey(table, 'dashboard', 'mantle_dashboards.id', 'mantle_panels_dashboard_fk', 'CASCADE');
		auditKeys(table, 'mantle_panels', 'created');
	});

	await knex.schema.createTable('mantle_translations', (table) => {
		table.uuid('id').primary();
		table.string('language', 255).notNullable();
		table.string('key', 255).notNullable();
		table.text('value').notNullable();
	});
}

export async function drop(knex: Knex): Promise<void> {
	await dropTables(knex, ['mantle_translations', 'mantle_panels', 'mantle_dashboards', 'mantle_presets', 'mantle_settings']);
}

import type { Knex } from 'knex';
import type { SystemMigration } from './types.js';
import * as access from './0001-system-tables/access.js';
import * as automation from './0001-system-tables/automation.js';
import * as content from './0001-system-tables/content.js';
import * as files from './0001-system-tables/files.js';
import * as schema from './0001-system-tables/schema.js';
import * as studio from './0001-system-tables/studio.js';

/**
 * Every system table. Their columns mirror the Directus 11 system collections, because clients
 * read them under the `directus_*` names. Groups are created so that each foreign key finds its
 * target, and dropped in the reverse order; the one cycle between groups (files and users) is
 * closed after both exist and opened again before either is dropped.
 */
export const systemTables: SystemMigration = {
	name: '0001-system-tables',

	async up(knex: Knex) {
		await schema.create(knex);
		await files.create(knex);
		await access.create(knex);
		await files.linkUsers(knex);
		await content.create(knex);
		await automation.create(knex);
		await studio.create(knex);
	},

	async down(knex: Knex) {
		await studio.drop(knex);
		await automation.drop(knex);
		await content.drop(knex);
		await files.unlinkUsers(knex);
		await access.drop(knex);
		await files.drop(knex);
		await schema.drop(knex);
	},
};

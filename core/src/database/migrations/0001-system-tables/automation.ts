import type { Knex } from 'knex';
import { auditColumns, auditKeys } from './audit.js';
import { foreignKey, uniqueKey } from './keys.js';

/**
 * Flows, their operations, and the installed extensions that provide operation types (and every
 * other kind of extension). Needs mantle_users to exist.
 */
export async function create(knex: Knex): Promise<void> {
	// A flow names its first operation and every operation names its flow: flows are created
	// without that key, and it is added once mantle_operations exists.
	await knex.schema.createTable('mantle_flows', (table) => {
		table.uuid('id').primary();
		table.string('name', 255).notNullable();
		table.string('icon', 64);
		table.string('color', 255);
		table.text('description');
		table.string('status', 255).notNullable().defaultTo('active');
		table.string('trigger', 255);
		table.string('accountability', 255).defaultTo('all');
		table.json('options');
		table.uuid('operation');
		auditColumns(knex, table, 'created');
		uniqueKey(table, ['operation'], 'mantle_flows_operation_uq');
		auditKeys(table, 'mantle_flows', 'created');
	});

	await knex.schema.createTable('mantle_operations', (table) => {
		table.uuid('id').primary();
		table.string('name', 255);
		table.string('key', 255).notNullable();
		table.string('type', 255).notNullable();
		table.integer('position_x').notNullable();
		table.integer('position_y').notNullable();
		table.json('options');
		table.uuid('resolve');
		table.uuid('reject');
		table.uuid('flow').notNullable();
		auditColumns(knex, table, 'created');
		uniqueKey(table, ['resolve'], 'mantle_operations_resolve_uq');
		uniqueKey(table, ['reject'], 'mantle_operations_reject_uq');
		// Deleting a flow deletes its operations together, in whatever order the database picks:
		// SET NULL on the links between them keeps MySQL's row-by-row check from refusing that.
		foreignKey(table, 'resolve', 'mantle_operations.id', 'mantle_operations_resolve_fk', 'SET NULL');
		foreignKey(table, 'reject', 'mantle_operations.id', 'mantle_operations_reject_fk', 'SET NULL');
		foreignKey(table, 'flow', 'mantle_flows.id', 'mantle_operations_flow_fk', 'CASCADE');
		auditKeys(table, 'mantle_operations', 'created');
	});

	await knex.schema.alterTable('mantle_flows', (table) => {
		foreignKey(table, 'operation', 'mantle_operations.id', 'mantle_flows_operation_fk', 'SET NULL');
	});

	// `bundle` is the id of the bundle row an entry came with. It is no foreign key, as in Directus:
	// entries are always written and removed together with their bundle.
	await knex.schema.createTable('mantle_extensions', (table) => {
		table.uuid('id').primary();
		table.boolean('enabled').notNullable().defaultTo(true);
		table.string('source', 255).notNullable();
		table.string('folder', 255).notNullable();
		table.uuid('bundle');
		table.boolean('trusted').notNullable().defaultTo(false);
		table.json('granted_scopes');
		table.string('version', 255);
		table.string('registry', 255);
		uniqueKey(table, ['source', 'folder'], 'mantle_extensions_path_uq');
	});
}

export async function drop(knex: Knex): Promise<void> {
	await knex.schema.dropTableIfExists('mantle_extensions');
	if (await knex.schema.hasTable('mantle_flows')) {
		await knex.schema.alterTable('mantle_flows', (table) => {
			table.dropForeign('operation', 'mantle_flows_operation_fk');
		});
	}
	await knex.schema.dropTableIfExists('mantle_operations');
	await knex.schema.dropTableIfExists('mantle_flows');
}

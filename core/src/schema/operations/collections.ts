import type { Accountability } from '@mantle/extensions-sdk';
import { createError } from '../../errors/index.js';
import type { FieldType } from '../../database/introspection/field-types.js';
import { defineColumn, storedTypeSpecial, type FieldSchemaInput } from '../ddl/columns.js';
import { isSystemCollection } from '../system-collections.js';
import { assertNotReserved, collectionInputSchema, collectionUpdateSchema, validateInput } from '../validation.js';
import { assertAdmin, canReadModel, changeSchema, type SchemaContext } from './context.js';
import { apiCollection, pickMeta, upsertMeta } from './metadata.js';

interface FieldInput {
	field: string;
	type?: FieldType | 'alias' | null;
	schema?: FieldSchemaInput | null;
	meta?: Record<string, unknown> | null;
}

interface CollectionInput {
	collection: string;
	meta?: Record<string, unknown> | null;
	schema?: Record<string, unknown> | null;
	fields?: FieldInput[];
}

export async function listCollections(context: SchemaContext, accountability: Accountability | null) {
	if (!canReadModel(accountability)) return [];
	const overview = await context.store.get();
	return [...overview.collections.values()].map(apiCollection);
}

export async function readCollection(context: SchemaContext, accountability: Accountability | null, name: string) {
	const info = canReadModel(accountability) ? (await context.store.get()).collections.get(name) : undefined;
	// Unknown and not allowed answer alike, so that nobody learns which collections exist.
	if (!info) throw createError('FORBIDDEN');
	return apiCollection(info);
}

/**
 * Creates a collection: with `schema`, a table and its fields (an auto-increment `id` when no
 * field is the primary key); without, a folder that only groups others.
 */
export async function createCollection(context: SchemaContext, accountability: Accountability | null, body: unknown) {
	assertAdmin(accountability);
	// Hooks see the payload before anything is checked or changed, and what they return is checked
	// like the client's own, so a hook cannot smuggle in what a client could not send.
	const filtered = context.bus ? await context.bus.filter('collections.create', body, { collection: 'directus_collections' }, accountability) : body;
	const input = validateInput<CollectionInput>(collectionInputSchema, filtered);
	assertNotReserved(input.collection);
	const overview = await context.store.get();
	if (overview.collections.has(input.collection)) throw createError('collectionExists', { collection: input.collection });

	const fields = [...(input.fields ?? [])];
	const names = new Set<string>();
	for (const field of fields) {
		if (names.has(field.field)) throw createError('fieldGivenTwice', { field: field.field });
		names.add(field.field);
	}
	const withTable = input.schema !== null && input.schema !== undefined;
	if (withTable && !fields.some((field) => field.schema?.is_primary_key)) {
		fields.unshift({
			field: 'id',
			type: 'integer',
			schema: { is_primary_key: true, has_auto_increment: true },
			meta: { hidden: true, readonly: true, interface: 'input' },
		});
	}

	await changeSchema(context, async (trx, onFailure) => {
		if (withTable) {
			await trx.schema.createTable(input.collection, (table) => {
				for (const field of fields) {
					if (!field.type || field.type === 'alias') continue;
					defineColumn(trx, table, field.field, field.type, field.schema ?? {}, { columnTypes: context.dialect.columnTypes });
				}
			});
			onFailure(() => context.knex.schema.dropTableIfExists(input.collection));
		}
		if (input.meta !== null) await trx('mantle_collections').insert({ collection: input.collection, ...pickMeta('collection', input.meta) });
		for (const field of fields) {
			const meta = fieldMetaRow(field);
			if (meta) await trx('mantle_fields').insert({ collection: input.collection, field: field.field, ...meta });
		}
	});
	context.bus?.action('collections.create', { collection: 'directus_collections', key: input.collection, payload: input }, accountability);
	return readCollection(context, null, input.collection);
}

/** The metadata row a new field needs: its own meta, plus the special its type implies. */
export function fieldMetaRow(field: FieldInput): Record<string, unknown> | undefined {
	const implied = field.type && field.type !== 'alias' ? storedTypeSpecial[field.type] : undefined;
	if (!field.meta && !implied && field.type !== 'alias') return undefined;
	const meta = { ...(field.meta ?? {}) };
	const special = new Set<string>(Array.isArray(meta.special) ? (meta.special as string[]) : typeof meta.special === 'string' ? meta.special.split(',') : []);
	if (implied) special.add(implied);
	if (field.type === 'alias' && special.size === 0) special.add('alias');
	meta.special = special.size ? [...special] : null;
	return pickMeta('field', meta);
}

export async function updateCollection(context: SchemaContext, accountability: Accountability | null, name: string, body: unknown) {
	assertAdmin(accountability);
	const input = validateInput<{ meta: Record<string, unknown> | null }>(collectionUpdateSchema, body);
	await readCollection(context, accountability, name);
	const values = pickMeta('collection', input.meta);
	await changeSchema(context, (trx) => upsertMeta(trx, 'mantle_collections', { collection: name }, values));
	return readCollection(context, null, name);
}

/**
 * Deletes a collection: its table (unless it is a folder), its metadata, the relations on either
 * side, and the foreign keys other tables hold to it. The columns of those other tables stay.
 */
export async function deleteCollection(context: SchemaContext, accountability: Accountability | null, name: string) {
	assertAdmin(accountability);
	const overview = await context.store.get();
	const info = overview.collections.get(name);
	if (!info) throw createError('FORBIDDEN');
	if (isSystemCollection(name)) throw createError('collectionUndeletable', { collection: name });
	if (context.bus) await context.bus.filter('collections.delete', [name], { collection: 'directus_collections' }, accountability);
	const incoming = overview.relations.filter((relation) => relation.related_collection === name && relation.collection !== name);

	await changeSchema(context, async (trx) => {
		for (const relation of incoming) {
			if (relation.schema)
				await trx.schema.alterTable(relation.collection, (table) => table.dropForeign([relation.field], relation.schema!.constraint_name ?? undefined));
			const oneField = relation.meta?.one_field;
			if (typeof oneField === 'string') await trx('mantle_fields').where({ collection: name, field: oneField }).delete();
		}
		for (const relation of overview.relations.filter((r) => r.collection === name && r.related_collection && r.meta?.one_field)) {
			await trx('mantle_fields')
				.where({ collection: relation.related_collection!, field: String(relation.meta!.one_field) })
				.delete();
		}
		if (info.schema) await trx.schema.dropTable(name);
		await trx('mantle_relations').where({ many_collection: name }).orWhere({ one_collection: name }).delete();
		await trx('mantle_fields').where({ collection: name }).delete();
		await trx('mantle_collections').where({ group: name }).update({ group: null });
		await trx('mantle_collections').where({ collection: name }).delete();
	});
	context.bus?.action('collections.delete', { collection: 'directus_collections', keys: [name] }, accountability);
}

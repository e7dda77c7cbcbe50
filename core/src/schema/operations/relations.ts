import type { Knex } from 'knex';
import type { Accountability } from '@mantle/extensions-sdk';
import { createError } from '../../errors/index.js';
import type { ReferentialAction } from '../../database/introspection/types.js';
import { tableOfCollection } from '../system-collections.js';
import { defineColumn } from '../ddl/columns.js';
import type { FieldInfo } from '../types.js';
import type { RelationInfo, SchemaOverview } from '../types.js';
import { relationInputSchema, relationUpdateSchema, validateInput } from '../validation.js';
import { assertAdmin, canReadModel, changeSchema, type SchemaContext, type Undo } from './context.js';
import { apiRelation, pickMeta, upsertMeta } from './metadata.js';

interface RelationInput {
	collection: string;
	field: string;
	related_collection?: string | null;
	schema?: { on_delete?: ReferentialAction } | null;
	meta?: Record<string, unknown> | null;
}

export async function listRelations(context: SchemaContext, accountability: Accountability | null, collection?: string) {
	if (!canReadModel(accountability)) return [];
	const relations = (await context.store.get()).relations;
	return relations.filter((relation) => !collection || relation.collection === collection).map(apiRelation);
}

function findRelation(overview: SchemaOverview, collection: string, field: string): RelationInfo {
	const relation = overview.relations.find((r) => r.collection === collection && r.field === field);
	if (!relation) throw createError('FORBIDDEN');
	return relation;
}

export async function readRelation(context: SchemaContext, accountability: Accountability | null, collection: string, field: string) {
	if (!canReadModel(accountability)) throw createError('FORBIDDEN');
	return apiRelation(findRelation(await context.store.get(), collection, field));
}

/** The foreign key Mantle names for a relation (knex's convention, so knex can drop it by column too). */
function foreignKeyName(table: string, field: string): string {
	return `${table}_${field}_foreign`;
}

/** The index Mantle adds under a relation's foreign key (knex's convention, as for the key itself). */
function foreignKeyIndexName(table: string, field: string): string {
	return `${table}_${field}_index`;
}

/**
 * Indexes a foreign-key column nothing indexes yet. Reading the "one" side of a relation (an
 * O2M list, an M2M junction) looks rows up by this column, and so does ON DELETE on the related
 * row; without an index each is a scan of the whole table. MySQL adds such an index by itself,
 * PostgreSQL and SQLite do not: this makes a relation made through Mantle behave alike on all.
 */
async function indexForeignKey(context: SchemaContext, trx: Knex.Transaction, table: string, field: FieldInfo, onFailure: (undo: Undo) => void) {
	if (field.schema?.is_indexed) return;
	const name = foreignKeyIndexName(table, field.field);
	await trx.schema.alterTable(table, (builder) => void builder.index([field.field], name));
	onFailure(() => context.knex.schema.alterTable(table, (builder) => void builder.dropIndex([field.field], name)));
}

function addForeignKey(knex: Knex, table: string, field: string, relatedTable: string, relatedKey: string, onDelete: ReferentialAction) {
	return knex.schema.alterTable(table, (builder) => {
		const key = builder.foreign(field, foreignKeyName(table, field)).references(relatedKey).inTable(relatedTable);
		if (onDelete !== 'NO ACTION') key.onDelete(onDelete);
	});
}

/**
 * Creates a relation: its metadata, and — for M2O/O2M/M2M legs, unless `schema` is null — a real
 * foreign key. M2A legs (no single related collection) have metadata only. When the metadata names
 * the field on the "one" side (`one_field`) that field is created as an alias if it is missing.
 */
export async function createRelation(context: SchemaContext, accountability: Accountability | null, body: unknown) {
	assertAdmin(accountability);
	const input = validateInput<RelationInput>(relationInputSchema, body);
	const overview = await context.store.get();
	const many = overview.collections.get(input.collection);
	const manyField = many?.fields.find((field) => field.field === input.field);
	if (!many || !manyField) throw createError('fieldMissing', { field: `${input.collection}.${input.field}` });
	if (overview.relations.some((r) => r.collection === input.collection && r.field === input.field)) {
		throw createError('relationExists', { field: `${input.collection}.${input.field}` });
	}
	const related = input.related_collection ? overview.collections.get(input.related_collection) : undefined;
	if (input.related_collection && (!related || !related.primary))
		throw createError('relatedCollectionMissing', { collection: String(input.related_collection) });
	const meta = input.meta === null ? null : pickMeta('relation', input.meta);
	const onDelete = input.schema?.on_delete ?? (manyField.schema?.is_nullable === false ? 'NO ACTION' : 'SET NULL');
	const table = tableOfCollection(input.collection);

	await changeSchema(context, async (trx, onFailure) => {
		if (related && input.schema !== null && manyField.schema) {
			await matchReferencedKey(
				context,
				trx,
				table,
				manyField,
				related.fields.find((field) => field.field === related.primary)!,
			);
			// Before the key: MySQL would otherwise add an index of its own for it, under another name.
			await indexForeignKey(context, trx, table, manyField, onFailure);
			await addForeignKey(trx, table, input.field, tableOfCollection(related.collection), related.primary!, onDelete);
			onFailure(() => context.knex.schema.alterTable(table, (builder) => void builder.dropForeign([input.field], foreignKeyName(table, input.field))));
		}
		if (meta) {
			await trx('mantle_relations').insert({
				many_collection: input.collection,
				many_field: input.field,
				one_collection: input.related_collection ?? null,
				...meta,
			});
			const oneField = meta.one_field;
			if (typeof oneField === 'string' && related && !related.fields.some((field) => field.field === oneField)) {
				const kind = meta.junction_field ? 'm2m' : 'o2m';
				await trx('mantle_fields').insert({ collection: related.collection, field: oneField, special: kind, interface: `list-${kind}` });
			}
		}
	});
	return readRelation(context, null, input.collection, input.field);
}

/**
 * A foreign key needs the exact type of the key it references. Where auto-increment keys are
 * unsigned (MySQL), an integer column pointing at one is made unsigned, and of the key's width, first.
 */
async function matchReferencedKey(context: SchemaContext, trx: Knex.Transaction, table: string, field: FieldInfo, referenced: FieldInfo): Promise<void> {
	if (!context.dialect.unsignedAutoIncrement || !referenced.schema?.has_auto_increment) return;
	if (field.type !== 'integer' && field.type !== 'bigInteger') return;
	const schema = { is_nullable: field.schema!.is_nullable, default_value: field.schema!.default_value, unsigned: true };
	await trx.schema.alterTable(table, (builder) =>
		defineColumn(trx, builder, field.field, referenced.type === 'bigInteger' ? 'bigInteger' : 'integer', schema, { alter: true }),
	);
}

/** Updates metadata and, when `schema.on_delete` changes, replaces the foreign key. */
export async function updateRelation(context: SchemaContext, accountability: Accountability | null, collection: string, field: string, body: unknown) {
	assertAdmin(accountability);
	const input = validateInput<Partial<RelationInput>>(relationUpdateSchema, body);
	const overview = await context.store.get();
	const relation = findRelation(overview, collection, field);
	const table = tableOfCollection(collection);
	const onDelete = input.schema?.on_delete;

	await changeSchema(context, async (trx, onFailure) => {
		if (onDelete && relation.schema && onDelete !== relation.schema.on_delete) {
			const related = overview.collections.get(relation.related_collection!)!;
			await trx.schema.alterTable(table, (builder) => void builder.dropForeign([field], relation.schema!.constraint_name ?? undefined));
			await addForeignKey(trx, table, field, tableOfCollection(related.collection), related.primary!, onDelete);
			onFailure(async () => {
				await context.knex.schema.alterTable(table, (builder) => void builder.dropForeign([field], foreignKeyName(table, field)));
				await addForeignKey(context.knex, table, field, tableOfCollection(related.collection), related.primary!, relation.schema!.on_delete);
			});
		}
		if (input.meta) {
			await upsertMeta(
				trx,
				'mantle_relations',
				{ many_collection: collection, many_field: field },
				{ one_collection: relation.related_collection, ...pickMeta('relation', input.meta) },
			);
		}
	});
	return readRelation(context, null, collection, field);
}

/** Deletes the relation's foreign key and metadata; the field itself (a column) stays. */
export async function deleteRelation(context: SchemaContext, accountability: Accountability | null, collection: string, field: string) {
	assertAdmin(accountability);
	const relation = findRelation(await context.store.get(), collection, field);
	await changeSchema(context, async (trx) => {
		if (relation.schema)
			await trx.schema.alterTable(tableOfCollection(collection), (builder) => void builder.dropForeign([field], relation.schema!.constraint_name ?? undefined));
		await trx('mantle_relations').where({ many_collection: collection, many_field: field }).delete();
	});
}

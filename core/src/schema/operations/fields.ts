import type { Knex } from 'knex';
import type { Accountability } from '@mantle/extensions-sdk';
import { createError } from '../../errors/index.js';
import type { FieldType } from '../../database/introspection/field-types.js';
import { defineColumn, type FieldSchemaInput } from '../ddl/columns.js';
import { tableOfCollection } from '../system-collections.js';
import type { CollectionInfo, FieldInfo } from '../types.js';
import { fieldInputSchema, fieldUpdateSchema, validateInput } from '../validation.js';
import { assertAdmin, canReadModel, changeSchema, type SchemaContext } from './context.js';
import { fieldMetaRow } from './collections.js';
import { apiField, upsertMeta } from './metadata.js';

interface FieldInput {
	field: string;
	type?: FieldType | 'alias' | null;
	schema?: FieldSchemaInput | null;
	meta?: Record<string, unknown> | null;
}

async function collectionOrForbidden(context: SchemaContext, accountability: Accountability | null, collection: string): Promise<CollectionInfo> {
	const info = canReadModel(accountability) ? (await context.store.get()).collections.get(collection) : undefined;
	if (!info) throw createError('FORBIDDEN');
	return info;
}

function fieldOrForbidden(info: CollectionInfo, field: string): FieldInfo {
	const found = info.fields.find((candidate) => candidate.field === field);
	if (!found) throw createError('FORBIDDEN');
	return found;
}

export async function listFields(context: SchemaContext, accountability: Accountability | null, collection?: string) {
	if (collection) return (await collectionOrForbidden(context, accountability, collection)).fields.map(apiField);
	if (!canReadModel(accountability)) return [];
	return [...(await context.store.get()).collections.values()].flatMap((info) => info.fields.map(apiField));
}

export async function readField(context: SchemaContext, accountability: Accountability | null, collection: string, field: string) {
	return apiField(fieldOrForbidden(await collectionOrForbidden(context, accountability, collection), field));
}

export async function createField(context: SchemaContext, accountability: Accountability | null, collection: string, body: unknown) {
	assertAdmin(accountability);
	const input = validateInput<FieldInput>(fieldInputSchema, body);
	const info = await collectionOrForbidden(context, accountability, collection);
	if (info.fields.some((field) => field.field === input.field)) throw createError('fieldExists', { field: input.field, collection }, { field: input.field });
	const type = input.type ?? 'alias';
	if (type !== 'alias' && !info.schema) throw createError('collectionFolderAliasOnly', { collection });
	const table = tableOfCollection(collection);
	const schema = input.schema ?? {};
	if (type !== 'alias' && schema.is_nullable === false && schema.default_value == null && (await hasRows(context.knex, table))) {
		throw createError(
			'fieldRequiredNeedsDefault',
			{ field: input.field, collection },
			{
				field: input.field,
			},
		);
	}

	await changeSchema(context, async (trx, onFailure) => {
		if (type !== 'alias') {
			await trx.schema.alterTable(table, (builder) => defineColumn(trx, builder, input.field, type, schema, { columnTypes: context.dialect.columnTypes }));
			onFailure(() => context.knex.schema.alterTable(table, (builder) => void builder.dropColumn(input.field)));
		}
		const meta = fieldMetaRow({ ...input, type });
		if (meta) await trx('mantle_fields').insert({ collection, field: input.field, ...meta });
	});
	return readField(context, null, collection, input.field);
}

/**
 * Changes a field: its column (type, length, nullability, default, uniqueness) and its metadata.
 * Data that would not fit the new definition is refused before anything changes.
 */
export async function updateField(context: SchemaContext, accountability: Accountability | null, collection: string, field: string, body: unknown) {
	assertAdmin(accountability);
	const input = validateInput<Partial<FieldInput>>(fieldUpdateSchema, body);
	const info = await collectionOrForbidden(context, accountability, collection);
	const current = fieldOrForbidden(info, field);
	const table = tableOfCollection(collection);
	const alterColumn = current.schema !== null && (input.type != null || input.schema != null);
	const type = (input.type ?? current.type) as FieldType;
	const before: FieldSchemaInput = current.schema
		? {
				max_length: current.schema.max_length,
				numeric_precision: current.schema.numeric_precision,
				numeric_scale: current.schema.numeric_scale,
				is_nullable: current.schema.is_nullable,
				default_value: current.schema.default_value,
				is_unique: current.schema.is_unique,
				is_primary_key: current.schema.is_primary_key,
			}
		: {};
	const after: FieldSchemaInput = { ...before, ...(input.schema ?? {}) };
	if (alterColumn) await checkExistingData(context, table, field, before, after);

	await changeSchema(context, async (trx, onFailure) => {
		if (alterColumn) {
			if (before.is_unique && !after.is_unique) await trx.schema.alterTable(table, (builder) => void builder.dropUnique([field]));
			const columnTypes = context.dialect.columnTypes;
			await trx.schema.alterTable(table, (builder) =>
				defineColumn(trx, builder, field, type, { ...after, is_primary_key: false }, { alter: true, columnTypes }),
			);
			onFailure(() =>
				context.knex.schema.alterTable(table, (builder) =>
					defineColumn(context.knex, builder, field, current.type as FieldType, { ...before, is_primary_key: false }, { alter: true, columnTypes }),
				),
			);
			if (!before.is_unique && after.is_unique) await trx.schema.alterTable(table, (builder) => void builder.unique([field]));
		}
		if (input.meta !== undefined || input.type !== undefined) {
			const meta = fieldMetaRow({ field, type: input.type ?? current.type, meta: { ...(current.meta ?? {}), ...(input.meta ?? {}) } });
			if (meta) await upsertMeta(trx, 'mantle_fields', { collection, field }, meta);
		}
	});
	return readField(context, null, collection, field);
}

/** Refuses a change the rows already stored would violate, naming the field. */
async function checkExistingData(
	{ knex, dialect }: SchemaContext,
	table: string,
	field: string,
	before: FieldSchemaInput,
	after: FieldSchemaInput,
): Promise<void> {
	if (before.is_nullable !== false && after.is_nullable === false && (await knex(table).whereNull(field).first(field)) !== undefined) {
		throw createError('CONTAINS_NULL_VALUES', { field }, { field });
	}
	if (!before.is_unique && after.is_unique) {
		const duplicate = await knex(table).select(field).whereNotNull(field).groupBy(field).havingRaw('count(*) > 1').first();
		if (duplicate) throw createError('fieldHasDuplicates', { field }, { field });
	}
	if (after.max_length != null && (before.max_length == null || after.max_length < before.max_length)) {
		const tooLong = await knex(table)
			.whereRaw(`${dialect.sql.characterLength('??')} > ?`, [field, after.max_length])
			.first(field);
		if (tooLong) throw createError('fieldValuesTooLong', { field, max: String(after.max_length) }, { field });
	}
}

export async function deleteField(context: SchemaContext, accountability: Accountability | null, collection: string, field: string) {
	assertAdmin(accountability);
	const overview = await context.store.get();
	const info = await collectionOrForbidden(context, accountability, collection);
	const current = fieldOrForbidden(info, field);
	if (current.schema?.is_primary_key) throw createError('primaryKeyUndeletable', { field }, { field });
	const relation = overview.relations.find((r) => r.collection === collection && r.field === field);

	await changeSchema(context, async (trx) => {
		const table = tableOfCollection(collection);
		if (relation?.schema) await trx.schema.alterTable(table, (builder) => void builder.dropForeign([field], relation.schema!.constraint_name ?? undefined));
		if (current.schema) await trx.schema.alterTable(table, (builder) => void builder.dropColumn(field));
		if (relation?.meta?.one_field && relation.related_collection)
			await trx('mantle_fields')
				.where({ collection: relation.related_collection, field: String(relation.meta.one_field) })
				.delete();
		await trx('mantle_relations').where({ many_collection: collection, many_field: field }).delete();
		await trx('mantle_relations').where({ one_collection: collection, one_field: field }).update({ one_field: null });
		await trx('mantle_fields').where({ collection, field }).delete();
	});
}

async function hasRows(knex: Knex, table: string): Promise<boolean> {
	return (await knex(table).first(knex.raw('1 as present'))) !== undefined;
}

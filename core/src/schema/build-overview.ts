import type { Vendor } from '../database/dialects/types.js';
import { fieldTypeOf } from '../database/dialects/index.js';
import type { RawColumn, RawSchema } from '../database/introspection/types.js';
import { collectionMeta, fieldMeta, relationMeta } from './metadata-rows.js';
import { collectionOfTable, isHiddenTable } from './system-collections.js';
import { systemFieldRows, systemRelationRows } from './system-metadata.js';
import { parseTypeName } from '../database/introspection/type-name.js';
import type { ApiFieldType, CollectionInfo, FieldInfo, FieldMeta, RelationInfo, SchemaOverview } from './types.js';

export interface MetadataRows {
	collections: Record<string, unknown>[];
	fields: Record<string, unknown>[];
	relations: Record<string, unknown>[];
}

/** Specials that say what a stored value means beyond its column type. */
const typeFromSpecial: Array<[special: string, type: ApiFieldType]> = [
	['hash', 'hash'],
	['cast-csv', 'csv'],
	['cast-json', 'json'],
	['cast-boolean', 'boolean'],
];

function apiType(column: RawColumn, vendor: Vendor, meta: FieldMeta | null): ApiFieldType {
	for (const [special, type] of typeFromSpecial) if (meta?.special?.includes(special)) return type;
	return fieldTypeOf(column, vendor);
}

/**
 * Merges what the database says (tables, columns, keys) with Mantle's metadata into one model.
 * The database is the truth for what exists; metadata adds meaning. Metadata for a column that no
 * longer exists is ignored, unless it describes an alias field, which has no column by nature.
 */
export function buildOverview(vendor: Vendor, raw: RawSchema, rows: MetadataRows): SchemaOverview {
	const fieldMetaByKey = new Map([...systemFieldRows, ...rows.fields].map((row) => [`${row.collection}.${row.field}`, fieldMeta(row)]));
	const collectionMetaByName = new Map(rows.collections.map((row) => [String(row.collection), collectionMeta(row)]));
	const foreignKeyOf = new Map(raw.foreignKeys.map((fk) => [`${fk.table}.${fk.column}`, fk]));
	const indexedColumns = new Set(raw.indexes.filter((index) => index.columns[0]).map((index) => `${index.table}.${index.columns[0]}`));
	const columnsByTable = new Map<string, RawColumn[]>();
	for (const column of raw.columns) {
		const list = columnsByTable.get(column.table) ?? [];
		list.push(column);
		columnsByTable.set(column.table, list);
	}

	const collections = new Map<string, CollectionInfo>();
	for (const table of raw.tables) {
		if (isHiddenTable(table.name)) continue;
		const collection = collectionOfTable(table.name);
		const columns = columnsByTable.get(table.name) ?? [];
		const fields: FieldInfo[] = columns.map((column) => {
			const meta = fieldMetaByKey.get(`${collection}.${column.name}`) ?? null;
			const fk = foreignKeyOf.get(`${table.name}.${column.name}`);
			return {
				collection,
				field: column.name,
				type: apiType(column, vendor, meta),
				meta,
				schema: {
					name: column.name,
					table: collection,
					// Clients read the length from `max_length`, not from the type name (`varchar`, not `varchar(120)`).
					data_type: parseTypeName(column.dataType).base,
					default_value: column.defaultValue,
					max_length: column.maxLength,
					numeric_precision: column.numericPrecision,
					numeric_scale: column.numericScale,
					is_nullable: column.isNullable,
					is_unique: column.isUnique,
					is_indexed: indexedColumns.has(`${table.name}.${column.name}`) || column.isPrimaryKey || column.isUnique,
					is_primary_key: column.isPrimaryKey,
					is_generated: false,
					generation_expression: null,
					has_auto_increment: column.hasAutoIncrement,
					foreign_key_table: fk ? collectionOfTable(fk.foreignKeyTable) : null,
					foreign_key_column: fk?.foreignKeyColumn ?? null,
					comment: column.comment ?? null,
				},
			};
		});
		const primary = columns.find((column) => column.isPrimaryKey)?.name ?? null;
		const meta = collectionMetaByName.get(collection) ?? null;
		const system = collection !== table.name;
		collections.set(collection, {
			collection,
			primary,
			schema: { name: collection, ...(table.schema ? { schema: table.schema } : {}), comment: table.comment ?? null },
			meta: meta ?? (system ? { collection, system: true, hidden: false, singleton: false, accountability: null } : null),
			fields,
		});
	}

	// Folders: collections that exist only as metadata, grouping others in the Studio.
	for (const [name, meta] of collectionMetaByName) {
		if (!collections.has(name)) collections.set(name, { collection: name, primary: null, schema: null, meta, fields: [] });
	}

	for (const meta of fieldMetaByKey.values()) {
		const owner = collections.get(meta.collection);
		if (!owner || owner.fields.some((field) => field.field === meta.field)) continue;
		owner.fields.push({ collection: meta.collection, field: meta.field, type: 'alias', schema: null, meta });
	}
	for (const info of collections.values()) info.fields.sort(byMetaSortThenPosition(info.fields));

	return { vendor, collections, relations: mergeRelations(raw, rows) };
}

function byMetaSortThenPosition(fields: FieldInfo[]) {
	const position = new Map(fields.map((field, index) => [field.field, index]));
	const sortOf = (field: FieldInfo) => (typeof field.meta?.sort === 'number' ? field.meta.sort : Number.MAX_SAFE_INTEGER);
	return (a: FieldInfo, b: FieldInfo) => sortOf(a) - sortOf(b) || position.get(a.field)! - position.get(b.field)!;
}

/**
 * Relations are the union of foreign keys and relation metadata, joined on the many side. A
 * foreign key without metadata is still a relation (inferred); metadata without a key is one too
 * (M2A, or a vendor that cannot add the key).
 */
function mergeRelations(raw: RawSchema, rows: MetadataRows): RelationInfo[] {
	const metas = new Map([...systemRelationRows, ...rows.relations].map((row) => [`${row.many_collection}.${row.many_field}`, relationMeta(row)]));
	const relations: RelationInfo[] = [];
	for (const fk of raw.foreignKeys) {
		if (isHiddenTable(fk.table)) continue;
		const collection = collectionOfTable(fk.table);
		const key = `${collection}.${fk.column}`;
		const meta = metas.get(key) ?? null;
		metas.delete(key);
		relations.push({
			collection,
			field: fk.column,
			related_collection: collectionOfTable(fk.foreignKeyTable),
			meta,
			schema: {
				table: collection,
				column: fk.column,
				foreign_key_table: collectionOfTable(fk.foreignKeyTable),
				foreign_key_column: fk.foreignKeyColumn,
				constraint_name: fk.constraintName,
				on_update: fk.onUpdate,
				on_delete: fk.onDelete,
			},
		});
	}
	for (const meta of metas.values()) {
		relations.push({ collection: meta.many_collection, field: meta.many_field, related_collection: meta.one_collection, meta, schema: null });
	}
	return relations;
}

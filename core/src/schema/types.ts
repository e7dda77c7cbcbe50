import type { FieldType } from '../database/introspection/field-types.js';
import type { RawDefault, ReferentialAction } from '../database/introspection/types.js';

/** Field types of the API: the column types plus `alias` (a field with no column: O2M, M2M, groups). */
export type ApiFieldType = FieldType | 'alias';

/** What the database says about a column, in the Directus `schema` shape of `/fields`. */
export interface FieldSchema {
	name: string;
	table: string;
	data_type: string;
	default_value: RawDefault;
	max_length: number | null;
	numeric_precision: number | null;
	numeric_scale: number | null;
	is_nullable: boolean;
	is_unique: boolean;
	is_indexed: boolean;
	is_primary_key: boolean;
	is_generated: boolean;
	generation_expression: null;
	has_auto_increment: boolean;
	foreign_key_table: string | null;
	foreign_key_column: string | null;
	comment: string | null;
}

/** Mantle's metadata of a field (a `mantle_fields` row), in the Directus `meta` shape. */
export type FieldMeta = Record<string, unknown> & { collection: string; field: string; special: string[] | null };

export interface FieldInfo {
	collection: string;
	field: string;
	type: ApiFieldType;
	schema: FieldSchema | null;
	meta: FieldMeta | null;
}

export type CollectionMeta = Record<string, unknown> & { collection: string };

export interface CollectionInfo {
	collection: string;
	/** The primary key field; null for folder collections (no table). */
	primary: string | null;
	schema: { name: string; schema?: string; comment: string | null } | null;
	meta: CollectionMeta | null;
	/** Fields in their display order. */
	fields: FieldInfo[];
}

export interface RelationSchema {
	table: string;
	column: string;
	foreign_key_table: string;
	foreign_key_column: string;
	constraint_name: string | null;
	on_update: ReferentialAction;
	on_delete: ReferentialAction;
}

export type RelationMeta = Record<string, unknown> & { many_collection: string; many_field: string; one_collection: string | null };

export interface RelationInfo {
	/** The "many" side: the collection holding the foreign key. */
	collection: string;
	field: string;
	/** The "one" side; null for M2A (any of `meta.one_allowed_collections`). */
	related_collection: string | null;
	schema: RelationSchema | null;
	meta: RelationMeta | null;
}

/** The one model of the data that everything above the database reads. */
export interface SchemaOverview {
	vendor: string;
	collections: Map<string, CollectionInfo>;
	relations: RelationInfo[];
}

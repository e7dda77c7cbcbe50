import type { ApiFieldType } from '../types.js';

type Json = Record<string, unknown>;

/** The snapshot document's own format; bumped only when its shape changes incompatibly. */
export const snapshotFormat = 1;

export interface SnapshotCollection {
	collection: string;
	meta: Json | null;
	/** `{ name }` for a collection with a table; null for a folder. */
	schema: { name: string } | null;
}

/** A column's definition reduced to what every vendor can create and reports alike. */
export interface SnapshotFieldSchema {
	default_value: unknown;
	max_length: number | null;
	numeric_precision: number | null;
	numeric_scale: number | null;
	is_nullable: boolean;
	is_unique: boolean;
	is_primary_key: boolean;
	has_auto_increment: boolean;
}

export interface SnapshotField {
	collection: string;
	field: string;
	type: ApiFieldType;
	meta: Json | null;
	/** Null for alias fields, which have no column. */
	schema: SnapshotFieldSchema | null;
}

export interface SnapshotRelation {
	collection: string;
	field: string;
	related_collection: string | null;
	meta: Json | null;
	/** Null when the relation has no foreign key (M2A, or metadata only). */
	schema: { table: string; column: string; foreign_key_table: string; foreign_key_column: string; on_delete: string } | null;
}

export interface Snapshot {
	version: number;
	/** The Mantle version that took the snapshot. */
	mantle: string;
	/** The database vendor it was taken on; informative, since snapshots move between vendors. */
	vendor: string;
	collections: SnapshotCollection[];
	fields: SnapshotField[];
	relations: SnapshotRelation[];
}

export type DiffPath = Array<string | number>;

/** deep-diff's entry kinds, as Directus sends them: New, Deleted, Edited. */
export type DiffEntry =
	{ kind: 'N'; path?: DiffPath; rhs: unknown } | { kind: 'D'; path?: DiffPath; lhs: unknown } | { kind: 'E'; path: DiffPath; lhs: unknown; rhs: unknown };

export interface SchemaDiff {
	collections: Array<{ collection: string; diff: DiffEntry[] }>;
	fields: Array<{ collection: string; field: string; diff: DiffEntry[] }>;
	relations: Array<{ collection: string; field: string; related_collection: string | null; diff: DiffEntry[] }>;
}

export interface SchemaDiffResult {
	/** The hash of the schema the diff was computed against; apply refuses when it no longer matches. */
	hash: string;
	diff: SchemaDiff;
}

export interface ApplyStep {
	action: 'create' | 'update' | 'delete';
	kind: 'collection' | 'field' | 'relation';
	collection: string;
	field?: string;
	/** One line a person reads, e.g. `update field articles.title: meta.note`. */
	description: string;
}

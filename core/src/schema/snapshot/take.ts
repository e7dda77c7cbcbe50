import { createHash } from 'node:crypto';
import { kernelVersion } from '../../version.js';
import { isSystemCollection } from '../system-collections.js';
import type { CollectionInfo, FieldInfo, RelationInfo, SchemaOverview } from '../types.js';
import { snapshotFormat, type Snapshot, type SnapshotField, type SnapshotFieldSchema, type SnapshotRelation } from './types.js';

/**
 * Metadata keys that identify a row in one database, or that the kernel derives, rather than
 * describe the model: two databases holding the same model disagree on them.
 */
const instanceKeys = new Set(['id', 'system']);

/** Only these types declare a length; others report the vendor's storage size (text 65535, char(36) uuid ...). */
const lengthTypes = new Set(['string']);
/** Only decimals declare precision and scale; integers and floats report the vendor's own widths. */
const precisionTypes = new Set(['decimal']);

/**
 * A portable description of the user data model: what one Mantle can recreate on any vendor.
 * Everything a vendor or an instance decides by itself (native type names, storage widths,
 * constraint and index names, metadata ids) is left out, so that snapshot(A), applied to an
 * empty B, gives snapshot(B) equal to snapshot(A) apart from `vendor`.
 */
export function takeSnapshot(overview: SchemaOverview): Snapshot {
	const collections = [...overview.collections.values()]
		.filter((info) => !isSystemCollection(info.collection))
		.sort((a, b) => compare(a.collection, b.collection));
	return {
		version: snapshotFormat,
		mantle: kernelVersion,
		vendor: overview.vendor,
		collections: collections.map((info) => ({
			collection: info.collection,
			meta: portableMeta(info.meta),
			schema: info.schema ? { name: info.collection } : null,
		})),
		fields: collections.flatMap((info: CollectionInfo) => info.fields.map(portableField)),
		relations: overview.relations
			.filter((relation) => !isSystemCollection(relation.collection))
			.sort((a, b) => compare(a.collection, b.collection) || compare(a.field, b.field))
			.map(portableRelation),
	};
}

function portableMeta(meta: Record<string, unknown> | null): Record<string, unknown> | null {
	if (!meta) return null;
	return Object.fromEntries(Object.entries(meta).filter(([key]) => !instanceKeys.has(key)));
}

function portableField(info: FieldInfo): SnapshotField {
	return {
		collection: info.collection,
		field: info.field,
		type: info.type,
		meta: portableMeta(info.meta),
		schema: info.schema ? portableFieldSchema(info) : null,
	};
}

function portableFieldSchema(info: FieldInfo): SnapshotFieldSchema {
	const schema = info.schema!;
	const primary = schema.is_primary_key;
	return {
		// A generated key's default is the vendor's sequence or nothing; either way the database fills it.
		default_value: schema.has_auto_increment ? null : portableDefault(schema.default_value, info.type),
		max_length: lengthTypes.has(info.type) ? schema.max_length : null,
		numeric_precision: precisionTypes.has(info.type) ? schema.numeric_precision : null,
		numeric_scale: precisionTypes.has(info.type) ? schema.numeric_scale : null,
		// A primary key is never null and always unique, whatever the catalog says about its own constraints.
		is_nullable: primary ? false : schema.is_nullable,
		is_unique: primary ? true : schema.is_unique,
		is_primary_key: primary,
		has_auto_increment: schema.has_auto_increment,
	};
}

/** Defaults in the field's own terms: JSON parsed, numbers as numbers, so that vendors compare equal. */
function portableDefault(value: unknown, type: string): unknown {
	if (value === null || value === undefined) return null;
	if (type === 'json' && typeof value === 'string') {
		try {
			return JSON.parse(value);
		} catch {
			return value;
		}
	}
	return value;
}

function portableRelation(info: RelationInfo): SnapshotRelation {
	const schema = info.schema;
	return {
		collection: info.collection,
		field: info.field,
		related_collection: info.related_collection,
		meta: portableMeta(info.meta),
		schema: schema
			? {
					table: schema.table,
					column: schema.column,
					foreign_key_table: schema.foreign_key_table,
					foreign_key_column: schema.foreign_key_column,
					on_delete: portableAction(schema.on_delete),
				}
			: null,
	};
}

/**
 * MySQL and MariaDB report a key declared without an action as RESTRICT, which is NO ACTION
 * everywhere (the two differ only for deferred checks, which Mantle never declares).
 */
function portableAction(action: string): string {
	return action === 'RESTRICT' ? 'NO ACTION' : action;
}

function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** JSON with keys in a fixed order: equal models give equal text whatever the key order they were read in. */
export function canonicalJson(value: unknown): string {
	return JSON.stringify(value, (_key, inner: unknown) =>
		inner && typeof inner === 'object' && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => compare(a, b))) : inner,
	);
}

/** Identifies a data model: the same model on any vendor, taken by any version, hashes alike. */
export function snapshotHash(snapshot: Snapshot): string {
	return createHash('sha256')
		.update(canonicalJson({ collections: snapshot.collections, fields: snapshot.fields, relations: snapshot.relations }))
		.digest('hex');
}

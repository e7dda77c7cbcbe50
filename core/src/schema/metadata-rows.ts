import type { CollectionMeta, FieldMeta, RelationMeta } from './types.js';

/**
 * Rows of mantle_collections / _fields / _relations come back differently per vendor: JSON as
 * text on SQLite and MariaDB, booleans as 0/1. These turn them into the one shape clients read.
 */
const jsonColumns = new Set(['translations', 'item_duplication_fields', 'options', 'display_options', 'conditions', 'validation']);
const booleanColumns = new Set(['hidden', 'singleton', 'archive_app_filter', 'versioning', 'readonly', 'required']);

function normaliseRow(row: Record<string, unknown>): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(row)) {
		if (jsonColumns.has(key) && typeof value === 'string') out[key] = JSON.parse(value);
		else if (booleanColumns.has(key) && value !== null) out[key] = Boolean(value);
		else out[key] = value;
	}
	return out;
}

export function collectionMeta(row: Record<string, unknown>): CollectionMeta {
	const meta = normaliseRow(row) as CollectionMeta;
	return { ...meta, system: false };
}

/** `special` is stored comma-separated (as Directus stores it) and read as a list. */
export function fieldMeta(row: Record<string, unknown>): FieldMeta {
	const meta = normaliseRow(row);
	const special = typeof meta.special === 'string' && meta.special !== '' ? meta.special.split(',') : null;
	return { ...meta, special } as FieldMeta;
}

export function relationMeta(row: Record<string, unknown>): RelationMeta {
	const meta = normaliseRow(row);
	const allowed = typeof meta.one_allowed_collections === 'string' && meta.one_allowed_collections !== '' ? meta.one_allowed_collections.split(',') : null;
	return { ...meta, one_allowed_collections: allowed } as unknown as RelationMeta;
}

/** The reverse of the reads above, for writing metadata rows. */
export function toStoredRow(meta: Record<string, unknown>): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(meta)) {
		if (key === 'special' || key === 'one_allowed_collections') out[key] = Array.isArray(value) ? value.join(',') : (value ?? null);
		else if (jsonColumns.has(key)) out[key] = value === null || value === undefined ? null : JSON.stringify(value);
		else out[key] = value;
	}
	return out;
}

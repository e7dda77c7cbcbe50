import type { Knex } from 'knex';
import { createError } from '../../errors/index.js';
import { toStoredRow } from '../metadata-rows.js';
import type { CollectionInfo, FieldInfo, RelationInfo } from '../types.js';

/** Keys of each metadata table a client may set. Keys clients echo back from a read are dropped. */
const writable = {
	collection: [
		'icon',
		'note',
		'display_template',
		'hidden',
		'singleton',
		'translations',
		'archive_field',
		'archive_app_filter',
		'archive_value',
		'unarchive_value',
		'sort_field',
		'accountability',
		'color',
		'item_duplication_fields',
		'sort',
		'group',
		'collapse',
		'preview_url',
		'versioning',
	],
	field: [
		'special',
		'interface',
		'options',
		'display',
		'display_options',
		'readonly',
		'hidden',
		'sort',
		'width',
		'translations',
		'note',
		'conditions',
		'required',
		'group',
		'validation',
		'validation_message',
	],
	relation: ['one_field', 'one_collection_field', 'one_allowed_collections', 'junction_field', 'sort_field', 'one_deselect_action'],
} as const;
const echoed = new Set(['id', 'collection', 'field', 'system', 'many_collection', 'many_field', 'one_collection']);

/** Only the writable keys of a `meta` object; an unknown key is a clear INVALID_PAYLOAD. */
export function pickMeta(kind: keyof typeof writable, meta: Record<string, unknown> | null | undefined): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(meta ?? {})) {
		if ((writable[kind] as readonly string[]).includes(key)) out[key] = value;
		else if (!echoed.has(key)) throw createError('metaSettingUnknown', { key, kind });
	}
	return toStoredRow(out);
}

export async function upsertMeta(trx: Knex, table: string, where: Record<string, string>, values: Record<string, unknown>): Promise<void> {
	const existing = await trx(table).where(where).first();
	if (existing) {
		if (Object.keys(values).length) await trx(table).where(where).update(values);
	} else {
		await trx(table).insert({ ...where, ...values });
	}
}

/** The `/collections` shape. */
export function apiCollection(info: CollectionInfo) {
	return { collection: info.collection, meta: info.meta, schema: info.schema };
}

/** The `/fields` shape. */
export function apiField(info: FieldInfo) {
	return { collection: info.collection, field: info.field, type: info.type, meta: info.meta, schema: info.schema };
}

/** The `/relations` shape. */
export function apiRelation(info: RelationInfo) {
	return { collection: info.collection, field: info.field, related_collection: info.related_collection, meta: info.meta, schema: info.schema };
}

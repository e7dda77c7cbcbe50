import type { CollectionInfo, FieldInfo, RelationInfo, SchemaOverview } from '../schema/types.js';
import { tableOfCollection } from '../schema/system-collections.js';
import { createError } from '../errors/index.js';
import { noteCollectionRead } from '../cache/read-scope.js';

/** A many-to-one field: this collection holds the key of one item of `related`. */
export interface ManyToOne {
	kind: 'm2o';
	field: string;
	related: string;
	relation: RelationInfo;
}

/** A one-to-many alias field: items of `related` whose `relatedField` holds this item's key. */
export interface OneToMany {
	kind: 'o2m';
	field: string;
	related: string;
	relatedField: string;
	/** The junction's other key when the relation is the first half of a many-to-many. */
	junctionField: string | null;
	sortField: string | null;
	/** What happens to items removed from the list: their key is nulled, or they are deleted. */
	deselectAction: 'nullify' | 'delete';
	relation: RelationInfo;
}

/** A many-to-any field: the key of an item in one of `allowed`, named by `collectionField`. */
export interface ManyToAny {
	kind: 'm2a';
	field: string;
	collectionField: string;
	allowed: string[];
	relation: RelationInfo;
}

export type RelationalField = ManyToOne | OneToMany | ManyToAny;

/** One collection as the engine reads it: its table, key, fields by name and relational fields. */
export interface CollectionModel {
	collection: string;
	table: string;
	primary: string;
	info: CollectionInfo;
	fields: Map<string, FieldInfo>;
	/** Fields backed by a column, in display order. */
	columns: FieldInfo[];
	relational: Map<string, RelationalField>;
	singleton: boolean;
	/** `all`: activity and revisions; `activity`: activity only; `null`: neither. */
	accountability: 'all' | 'activity' | null;
	sortField: string | null;
	/** Fields filled on write: `date-created`, `user-updated`, ... keyed by special. */
	specials: Map<string, string[]>;
	/** Secrets: read as a mask, never filtered, sorted or searched on. */
	concealed: Set<string>;
}

/** System fields whose meaning the system tables' metadata doesn't carry. */
const systemSpecials: Record<string, Record<string, string[]>> = {
	directus_users: { password: ['hash', 'conceal'], token: ['conceal'], tfa_secret: ['conceal'], auth_data: ['conceal'] },
	directus_shares: { password: ['hash', 'conceal'] },
};

/** What a concealed value reads as, and what a client sends back to leave it unchanged. */
export const concealedMask = '**********';

const indexes = new WeakMap<SchemaOverview, Map<string, CollectionModel>>();

/** The model of a collection, built once per schema overview. Unknown (or folder) collections are FORBIDDEN. */
export function collectionModel(schema: SchemaOverview, collection: string): CollectionModel {
	let index = indexes.get(schema);
	if (!index) {
		index = buildIndex(schema);
		indexes.set(schema, index);
	}
	const model = index.get(collection);
	if (!model) throw createError('FORBIDDEN');
	// Every collection a read resolves (joined, filtered on, in a row rule) is one its cached answer depends on.
	noteCollectionRead(collection);
	return model;
}

function buildIndex(schema: SchemaOverview): Map<string, CollectionModel> {
	const index = new Map<string, CollectionModel>();
	for (const info of schema.collections.values()) {
		if (!info.schema || !info.primary) continue;
		const specials = new Map<string, string[]>();
		const builtIn = systemSpecials[info.collection] ?? {};
		for (const field of info.fields) {
			for (const special of new Set([...(field.meta?.special ?? []), ...(builtIn[field.field] ?? [])])) {
				specials.set(special, [...(specials.get(special) ?? []), field.field]);
			}
		}
		const meta: Record<string, unknown> = info.meta ?? {};
		index.set(info.collection, {
			collection: info.collection,
			table: tableOfCollection(info.collection),
			primary: info.primary,
			info,
			fields: new Map(info.fields.map((field) => [field.field, field])),
			columns: info.fields.filter((field) => field.schema !== null),
			relational: new Map(),
			singleton: Boolean(meta.singleton),
			accountability: meta.accountability === undefined ? 'all' : (meta.accountability as CollectionModel['accountability']),
			sortField: typeof meta.sort_field === 'string' ? meta.sort_field : null,
			specials,
			concealed: new Set([...(specials.get('conceal') ?? []), ...(specials.get('hash') ?? [])]),
		});
	}
	for (const relation of schema.relations) addRelation(index, relation);
	return index;
}

function addRelation(index: Map<string, CollectionModel>, relation: RelationInfo): void {
	const many = index.get(relation.collection);
	const meta = relation.meta;
	if (!many) return;
	if (relation.related_collection === null) {
		const allowed = (meta?.one_allowed_collections as string[] | null) ?? [];
		const collectionField = meta?.one_collection_field as string | null;
		if (collectionField) many.relational.set(relation.field, { kind: 'm2a', field: relation.field, collectionField, allowed, relation });
		return;
	}
	many.relational.set(relation.field, { kind: 'm2o', field: relation.field, related: relation.related_collection, relation });
	const oneField = meta?.one_field as string | null | undefined;
	const one = index.get(relation.related_collection);
	if (!oneField || !one || !one.fields.has(oneField)) return;
	one.relational.set(oneField, {
		kind: 'o2m',
		field: oneField,
		related: relation.collection,
		relatedField: relation.field,
		junctionField: (meta?.junction_field as string | null) ?? null,
		sortField: (meta?.sort_field as string | null) ?? null,
		deselectAction: meta?.one_deselect_action === 'delete' ? 'delete' : 'nullify',
		relation,
	});
}

import type { RelationRow } from '@mantle/extensions-sdk';
import { api } from './api.js';
import { createStore } from './store.js';

export interface Collection {
	collection: string;
	meta: {
		icon?: string | null;
		color?: string | null;
		note?: string | null;
		hidden?: boolean;
		singleton?: boolean;
		group?: string | null;
		sort?: number | null;
		display_template?: string | null;
		sort_field?: string | null;
		archive_field?: string | null;
		translations?: unknown;
	} | null;
	schema: { name?: string } | null;
}

export interface Field {
	collection: string;
	field: string;
	type: string;
	meta: {
		interface?: string | null;
		options?: Record<string, unknown> | null;
		display?: string | null;
		display_options?: Record<string, unknown> | null;
		width?: 'half' | 'full' | 'fill' | null;
		group?: string | null;
		sort?: number | null;
		hidden?: boolean;
		readonly?: boolean;
		required?: boolean;
		note?: string | null;
		special?: string[] | null;
		conditions?: Array<{
			name?: string;
			rule: Record<string, unknown>;
			hidden?: boolean;
			readonly?: boolean;
			required?: boolean;
			options?: Record<string, unknown>;
		}> | null;
	} | null;
	schema: { is_primary_key?: boolean; is_nullable?: boolean; default_value?: unknown; has_auto_increment?: boolean; max_length?: number | null } | null;
}

export type Relation = RelationRow;

export interface Schema {
	collections: Collection[];
	fields: Field[];
	relations: Relation[];
}

export const schema = createStore<Schema>({ collections: [], fields: [], relations: [] });

/** What the signed-in user may see of the data model; the API leaves out what they may not. */
export function loadSchema(): Promise<void> {
	// A role that may not read one of these still gets a Studio with what it may read.
	const read = <T>(path: string) => api.get<T[]>(path).catch(() => [] as T[]);
	loading = Promise.all([read<Collection>('/collections'), read<Field>('/fields'), read<Relation>('/relations')]).then(([collections, fields, relations]) =>
		schema.set({ collections, fields, relations }),
	);
	return loading;
}

let loading: Promise<void> | undefined;

/** The data model being read (or read last): work that needs it can start the moment it is known. */
export const schemaLoaded = (): Promise<void> => loading ?? loadSchema();

export const fieldsOf = (collection: string, from = schema.get()) =>
	from.fields.filter((field) => field.collection === collection).sort((a, b) => (a.meta?.sort ?? 999) - (b.meta?.sort ?? 999));
export const collectionOf = (name: string, from = schema.get()) => from.collections.find((collection) => collection.collection === name);
export const primaryKeyOf = (collection: string, from = schema.get()) =>
	fieldsOf(collection, from).find((field) => field.schema?.is_primary_key)?.field ?? 'id';

/** The collection a field points to, for M2O (and file) fields. */
export function relatedCollection(collection: string, field: string, from = schema.get()): string | null {
	const m2o = from.relations.find((relation) => relation.collection === collection && relation.field === field);
	if (m2o) return m2o.related_collection;
	const o2m = from.relations.find((relation) => relation.related_collection === collection && relation.meta?.one_field === field);
	return o2m?.collection ?? null;
}

/** Every field a path such as `author.name` crosses, so columns can show and sort relational values. */
export function resolvePath(collection: string, path: string, from = schema.get()): Field | undefined {
	const [head, ...rest] = path.split('.');
	const field = fieldsOf(collection, from).find((candidate) => candidate.field === head);
	if (!field || rest.length === 0) return field;
	const next = relatedCollection(collection, head!, from);
	return next ? resolvePath(next, rest.join('.'), from) : undefined;
}

/** A readable title for an item: the collection's display template, else its first string field, else its key. */
export function titleOf(collection: string, item: Record<string, unknown> | null | undefined, from = schema.get()): string {
	if (!item || typeof item !== 'object') return item == null ? '' : String(item);
	const template = collectionOf(collection, from)?.meta?.display_template;
	if (template)
		return template.replace(/{{\s*([\w.]+)\s*}}/g, (_, path: string) =>
			String(path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | null | undefined)?.[key], item) ?? ''),
		);
	const textual = fieldsOf(collection, from).find(
		(field) => ['string', 'text'].includes(field.type) && !field.schema?.is_primary_key && item[field.field] != null,
	);
	return String(textual ? item[textual.field] : (item[primaryKeyOf(collection, from)] ?? ''));
}

/** The fields to read for `titleOf`: the template's, else every top-level field. */
export function titleFields(collection: string, from = schema.get()): string[] {
	const template = collectionOf(collection, from)?.meta?.display_template;
	const paths = template ? [...template.matchAll(/{{\s*([\w.]+)\s*}}/g)].map((found) => found[1]!) : [];
	return [primaryKeyOf(collection, from), ...(paths.length > 0 ? paths : ['*'])];
}

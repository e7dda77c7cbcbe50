import { api } from '../lib/api.js';
import { fieldsOf, loadSchema, primaryKeyOf, schema } from '../lib/schema.js';

export type KeyType = 'integer' | 'bigInteger' | 'uuid' | 'string';
export type SystemField = 'status' | 'sort' | 'user_created' | 'date_created' | 'user_updated' | 'date_updated';

export interface NewCollection {
	collection: string;
	/** A folder groups other collections and has no table. */
	folder: boolean;
	keyType: KeyType;
	system: SystemField[];
	group?: string | null;
}

/** Collection and field names become table and column names: keep them to what every database accepts. */
export function checkName(name: string, what: string): string | null {
	if (!/^[a-z_][a-z0-9_]{0,63}$/.test(name)) return `The ${what} name may only hold lower-case letters, digits and underscores, and not start with a digit.`;
	if (name.startsWith('directus_') || name.startsWith('mantle_')) return `The ${what} name may not start with directus_ or mantle_.`;
	return null;
}

function primaryField(type: KeyType) {
	const meta = { hidden: true, readonly: true, interface: 'input', ...(type === 'uuid' ? { special: ['uuid'] } : {}) };
	const autoIncrement = type === 'integer' || type === 'bigInteger';
	return { field: 'id', type, schema: { is_primary_key: true, has_auto_increment: autoIncrement, ...(type === 'string' ? { max_length: 255 } : {}) }, meta };
}

const statusChoices = ['published', 'draft', 'archived'].map((value) => ({ text: value[0]!.toUpperCase() + value.slice(1), value }));

/** The optional fields a new collection can start with; the Studio and the API fill their values. */
const systemFields: Record<SystemField, Record<string, unknown>> = {
	status: {
		field: 'status',
		type: 'string',
		schema: { default_value: 'draft', is_nullable: false },
		meta: { interface: 'select-dropdown', options: { choices: statusChoices }, display: 'labels', width: 'full' },
	},
	sort: { field: 'sort', type: 'integer', meta: { interface: 'input', hidden: true } },
	user_created: {
		field: 'user_created',
		type: 'uuid',
		meta: { special: ['user-created'], interface: 'select-dropdown-m2o', readonly: true, hidden: true, width: 'half' },
	},
	date_created: {
		field: 'date_created',
		type: 'timestamp',
		meta: { special: ['date-created'], interface: 'datetime', readonly: true, hidden: true, width: 'half' },
	},
	user_updated: {
		field: 'user_updated',
		type: 'uuid',
		meta: { special: ['user-updated'], interface: 'select-dropdown-m2o', readonly: true, hidden: true, width: 'half' },
	},
	date_updated: {
		field: 'date_updated',
		type: 'timestamp',
		meta: { special: ['date-updated'], interface: 'datetime', readonly: true, hidden: true, width: 'half' },
	},
};

export async function createCollection(input: NewCollection): Promise<void> {
	if (input.folder) {
		await api.post('/collections', { collection: input.collection, schema: null, meta: { icon: 'folder', group: input.group ?? null } });
	} else {
		const meta: Record<string, unknown> = { group: input.group ?? null };
		if (input.system.includes('status')) Object.assign(meta, { archive_field: 'status', archive_value: 'archived', unarchive_value: 'draft' });
		if (input.system.includes('sort')) meta.sort_field = 'sort';
		await api.post('/collections', {
			collection: input.collection,
			schema: {},
			meta,
			fields: [primaryField(input.keyType), ...input.system.map((name) => systemFields[name])],
		});
		for (const name of input.system.filter((name) => name.startsWith('user_')))
			await api.post('/relations', { collection: input.collection, field: name, related_collection: 'directus_users' });
	}
	await loadSchema();
}

/** The column type a foreign key to `collection` needs: the type of its primary key. */
export function keyTypeOf(collection: string): string {
	const key = fieldsOf(collection).find((field) => field.field === primaryKeyOf(collection));
	return key?.type ?? 'integer';
}

export type RelationKind = 'm2o' | 'o2m' | 'm2m' | 'm2a' | 'translations';

export interface NewRelation {
	kind: RelationKind;
	collection: string;
	field: string;
	/** M2O, O2M, M2M: the other collection. */
	related?: string;
	/** M2O: the alias field on the related side that lists this side (optional). O2M: the key field on the related side. */
	reverse?: string;
	/** M2A: the collections an item may link to. */
	allowed?: string[];
	meta?: Record<string, unknown>;
}

const fieldExists = (collection: string, field: string) => fieldsOf(collection, schema.get()).some((candidate) => candidate.field === field);

/**
 * Creates the fields, junction collections and relations one relational field needs, in the order
 * the API needs them: keys before relations, junctions before their legs.
 */
export async function createRelation(input: NewRelation): Promise<void> {
	const { collection, field } = input;
	const meta = input.meta ?? {};
	switch (input.kind) {
		case 'm2o': {
			const related = input.related!;
			await api.post(`/fields/${collection}`, { field, type: keyTypeOf(related), meta: { interface: 'select-dropdown-m2o', special: ['m2o'], ...meta } });
			await api.post('/relations', { collection, field, related_collection: related, meta: { one_field: input.reverse || null } });
			break;
		}
		case 'o2m': {
			const related = input.related!;
			const key = input.reverse || `${collection}_id`;
			if (!fieldExists(related, key))
				await api.post(`/fields/${related}`, { field: key, type: keyTypeOf(collection), meta: { interface: 'select-dropdown-m2o', special: ['m2o'] } });
			await api.post(`/fields/${collection}`, { field, type: 'alias', meta: { interface: 'list-o2m', special: ['o2m'], ...meta } });
			await api.post('/relations', { collection: related, field: key, related_collection: collection, meta: { one_field: field } });
			break;
		}
		case 'm2m':
		case 'translations': {
			const related = input.kind === 'translations' ? await ensureLanguages() : input.related!;
			const junction = input.kind === 'translations' ? `${collection}_translations` : `${collection}_${related}`;
			const here = `${collection}_id`;
			const there = related === collection ? `related_${related}_id` : `${related}_${input.kind === 'translations' ? 'code' : 'id'}`;
			await createJunction(junction, [
				{ field: here, type: keyTypeOf(collection) },
				{ field: there, type: keyTypeOf(related) },
			]);
			const special = input.kind === 'translations' ? 'translations' : 'm2m';
			await api.post(`/fields/${collection}`, { field, type: 'alias', meta: { interface: 'list-m2m', special: [special], ...meta } });
			await api.post('/relations', { collection: junction, field: here, related_collection: collection, meta: { one_field: field, junction_field: there } });
			await api.post('/relations', { collection: junction, field: there, related_collection: related, meta: { junction_field: here } });
			break;
		}
		case 'm2a': {
			const junction = `${collection}_${field}`;
			const here = `${collection}_id`;
			await createJunction(junction, [
				{ field: here, type: keyTypeOf(collection) },
				{ field: 'item', type: 'string' },
				{ field: 'collection', type: 'string' },
			]);
			await api.post(`/fields/${collection}`, { field, type: 'alias', meta: { interface: 'list-m2a', special: ['m2a'], ...meta } });
			await api.post('/relations', {
				collection: junction,
				field: 'item',
				related_collection: null,
				schema: null,
				meta: { one_allowed_collections: input.allowed ?? [], one_collection_field: 'collection', junction_field: here },
			});
			await api.post('/relations', { collection: junction, field: here, related_collection: collection, meta: { one_field: field, junction_field: 'item' } });
			break;
		}
	}
	await loadSchema();
}

/** A hidden collection that only links two others; the Studio makes it so the admin need not. */
async function createJunction(name: string, keys: Array<{ field: string; type: string }>): Promise<void> {
	if (schema.get().collections.some((candidate) => candidate.collection === name)) return;
	await api.post('/collections', {
		collection: name,
		schema: {},
		meta: { hidden: true, icon: 'import_export' },
		fields: [primaryField('integer'), ...keys.map((key) => ({ ...key, meta: { hidden: true } }))],
	});
}

/** Translations link to a `languages` collection keyed by code, made on first use. */
async function ensureLanguages(): Promise<string> {
	if (schema.get().collections.some((candidate) => candidate.collection === 'languages')) return 'languages';
	await api.post('/collections', {
		collection: 'languages',
		schema: {},
		meta: { icon: 'translate', display_template: '{{name}}' },
		fields: [
			{ field: 'code', type: 'string', schema: { is_primary_key: true, max_length: 16 }, meta: { interface: 'input' } },
			{ field: 'name', type: 'string', meta: { interface: 'input' } },
		],
	});
	await api.post('/items/languages', [
		{ code: 'en-US', name: 'English' },
		{ code: 'de-DE', name: 'German' },
	]);
	await loadSchema();
	return 'languages';
}

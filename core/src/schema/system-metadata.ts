/**
 * The metadata of the system collections that clients rely on and that the system tables
 * themselves cannot carry: which text columns hold lists (`cast-csv`) or JSON, and the
 * one-to-many aliases through `directus_access` and `directus_permissions` with which a client
 * reads and writes a role's policies, a policy's roles and permissions, and a user's policies.
 * It is built in, not stored, so it is the same on every database and every Mantle version
 * brings its own. Rows are in the stored form of `mantle_fields` / `mantle_relations`; a stored
 * row for the same field or relation (an admin's edit) takes precedence.
 */

type StoredRow = Record<string, unknown>;

function field(collection: string, name: string, special: string, extra: StoredRow = {}): StoredRow {
	return {
		collection,
		field: name,
		special,
		interface: null,
		options: null,
		display: null,
		display_options: null,
		readonly: false,
		hidden: false,
		sort: null,
		width: 'full',
		translations: null,
		note: null,
		conditions: null,
		required: false,
		group: null,
		validation: null,
		validation_message: null,
		system: true,
		...extra,
	};
}

function alias(collection: string, name: string, ui: string): StoredRow {
	return field(collection, name, 'o2m', { interface: ui });
}

export const systemFieldRows: readonly StoredRow[] = [
	field('directus_permissions', 'fields', 'cast-csv', { interface: 'select-multiple-dropdown' }),
	field('directus_policies', 'ip_access', 'cast-csv', { interface: 'tags' }),
	field('directus_users', 'tags', 'cast-json', { interface: 'tags' }),
	field('directus_files', 'tags', 'cast-json', { interface: 'tags' }),
	alias('directus_roles', 'policies', 'list-m2m'),
	alias('directus_roles', 'users', 'list-o2m'),
	alias('directus_roles', 'children', 'list-o2m'),
	alias('directus_policies', 'roles', 'list-m2m'),
	alias('directus_policies', 'permissions', 'list-o2m'),
	alias('directus_users', 'policies', 'list-m2m'),
];

function relation(many: string, manyField: string, one: string, oneField: string, extra: StoredRow = {}): StoredRow {
	return {
		many_collection: many,
		many_field: manyField,
		one_collection: one,
		one_field: oneField,
		one_collection_field: null,
		one_allowed_collections: null,
		junction_field: null,
		sort_field: null,
		one_deselect_action: 'nullify',
		system: true,
		...extra,
	};
}

/**
 * Access rows are the junction of two many-to-many pairs (roles and users to policies); removing a
 * policy from a role deletes the access row, as there is nothing else such a row could mean.
 */
export const systemRelationRows: readonly StoredRow[] = [
	relation('directus_access', 'role', 'directus_roles', 'policies', { junction_field: 'policy', sort_field: 'sort', one_deselect_action: 'delete' }),
	relation('directus_access', 'user', 'directus_users', 'policies', { junction_field: 'policy', sort_field: 'sort', one_deselect_action: 'delete' }),
	relation('directus_access', 'policy', 'directus_policies', 'roles', { junction_field: 'role', sort_field: 'sort', one_deselect_action: 'delete' }),
	relation('directus_permissions', 'policy', 'directus_policies', 'permissions', { one_deselect_action: 'delete' }),
	relation('directus_users', 'role', 'directus_roles', 'users'),
	relation('directus_roles', 'parent', 'directus_roles', 'children'),
];

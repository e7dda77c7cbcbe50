import type { Item } from '@mantle/extensions-sdk';
import type { CollectionPermission } from '../../permissions/types.js';
import type { ReadNode } from '../ast/types.js';
import { isUnrestricted, type EngineContext } from '../context.js';
import { logCollections } from '../ast/log-collections.js';
import { collectionModel, type CollectionModel } from '../schema-index.js';
import { keysMatching } from '../matching-keys.js';
import type { DynamicVariables } from '../sql/dynamic-variables.js';

const numericKeys = new Set(['integer', 'bigInteger', 'float', 'decimal']);

/**
 * A log row is read only by a caller who may read the item it is about: revisions and activity
 * of other items are left out, a revision's `data` and `delta` keep only the fields the caller
 * may read of that collection, and an activity's `user` shows only users the caller may read.
 * The permission on the log collection itself still decides which log rows are read at all.
 */
export async function guardLogRows(context: EngineContext, node: ReadNode, rows: Item[], variables: DynamicVariables): Promise<Item[]> {
	if (isUnrestricted(context) || !logCollections.has(node.model.collection) || rows.length === 0) return rows;
	const existingKeys: KeysReader = (model, keys, permission) => keysMatching(context, model, keys, permission.filter, variables);
	const readable = await readableItems(context, rows, existingKeys);
	const kept = rows.filter((row) => readable.get(String(row.collection))?.keys.has(String(row.item)));
	for (const row of kept) {
		const permission = readable.get(String(row.collection))!.permission;
		for (const column of ['data', 'delta']) if (node.columns.has(column)) row[column] = onlyReadable(row[column], permission);
	}
	if (node.columns.has('user')) await hideUnreadableUsers(context, kept, existingKeys);
	return kept;
}

type KeysReader = (model: CollectionModel, keys: unknown[], permission: CollectionPermission) => Promise<Set<string>>;

async function readableItems(
	context: EngineContext,
	rows: Item[],
	existingKeys: KeysReader,
): Promise<Map<string, { permission: CollectionPermission; keys: Set<string> }>> {
	const wanted = new Map<string, Set<string>>();
	for (const row of rows) {
		const collection = String(row.collection);
		if (!wanted.has(collection)) wanted.set(collection, new Set());
		wanted.get(collection)!.add(String(row.item));
	}
	const readable = new Map<string, { permission: CollectionPermission; keys: Set<string> }>();
	for (const [collection, keys] of wanted) {
		const model = modelOf(context, collection);
		const permission = model ? await context.permissions.get(context.accountability, collection, 'read') : null;
		if (!model || !permission) continue;
		readable.set(collection, { permission, keys: await existingKeys(model, typedKeys(model, keys), permission) });
	}
	return readable;
}

function modelOf(context: EngineContext, collection: string): CollectionModel | null {
	try {
		return collectionModel(context.schema, collection);
	} catch {
		return null;
	}
}

/** The log holds keys as text; they are compared as the key field's own type. */
function typedKeys(model: CollectionModel, keys: Set<string>): unknown[] {
	const numeric = numericKeys.has(model.fields.get(model.primary)!.type);
	return [...keys].map((key) => (numeric ? Number(key) : key)).filter((key) => !(typeof key === 'number' && Number.isNaN(key)));
}

function onlyReadable(value: unknown, permission: CollectionPermission): unknown {
	if (permission.fields === '*' || typeof value !== 'object' || value === null || Array.isArray(value)) return value;
	const reduced: Item = {};
	for (const [field, fieldValue] of Object.entries(value)) if (permission.fields.has(field)) reduced[field] = fieldValue;
	return reduced;
}

async function hideUnreadableUsers(context: EngineContext, rows: Item[], existingKeys: KeysReader): Promise<void> {
	const ids = new Set(rows.map((row) => row.user).filter((user): user is string => typeof user === 'string'));
	if (ids.size === 0) return;
	const users = collectionModel(context.schema, 'directus_users');
	const permission = await context.permissions.get(context.accountability, 'directus_users', 'read');
	const visible = permission ? await existingKeys(users, [...ids], permission) : new Set<string>();
	for (const row of rows) if (typeof row.user === 'string' && !visible.has(row.user)) row.user = null;
}

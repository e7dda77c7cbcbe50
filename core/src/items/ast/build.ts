import { createError } from '../../errors/index.js';
import type { EngineContext } from '../context.js';
import { parseFunctionField } from '../query/parse.js';
import type { NormalizedQuery } from '../query/types.js';
import { collectionModel, type CollectionModel } from '../schema-index.js';
import { isUnrestricted } from '../context.js';
import { logCollections } from './log-collections.js';
import { canRead, forbiddenField, readPermission } from './permission-fields.js';
import type { ReadNode } from './types.js';

/** Levels one read may plan: far beyond any named query, short of a wildcard explosion. */
const maxReadNodes = 500;

interface FieldGroup {
	/** The key in the output (an alias, or the field name). */
	key: string;
	/** Subfield paths asked for below this field; empty when the field itself was asked for. */
	children: string[];
	/** `item:headings.title` subfields of a many-to-any field, per collection. */
	anyChildren: Map<string, string[]>;
	/** Only `*` named it: relations the caller can't read are then left out instead of refused. */
	wildcard: boolean;
}

/**
 * Plans a read: expands `fields` (`*`, `*.*`, dot paths through relations, `m2a:collection.field`,
 * functions) against the schema and the caller's read permissions, level by level. Asking for a
 * field that does not exist or may not be read is refused with FORBIDDEN, never silently dropped;
 * `*` expands to the readable fields only.
 */
export async function buildReadNode(
	context: EngineContext,
	collection: string,
	query: NormalizedQuery,
	fields = query.fields ?? ['*'],
	budget = { nodes: 0 },
): Promise<ReadNode> {
	// Wildcards (`*.*.*...`) multiply per level even within the depth bound; each node is a query.
	if (++budget.nodes > maxReadNodes) throw createError('readTooWide', { max: maxReadNodes });
	const model = collectionModel(context.schema, collection);
	const permission = await readPermission(context, collection);
	const node: ReadNode = { model, columns: new Set([model.primary]), entries: [], query, permission };
	// A log row is shown only to who may read the item it is about, so that item is always read.
	if (logCollections.has(collection) && !isUnrestricted(context)) for (const column of ['collection', 'item']) node.columns.add(column);
	const aliases = query.alias ?? {};

	for (const group of groupFields(model, fields, permission, aliases)) {
		const fieldName = aliases[group.key] ?? group.key;
		const fn = parseFunctionField(fieldName);
		if (fn) {
			addFunction(node, group.key, fn.fn, fn.field);
			continue;
		}
		const field = model.fields.get(fieldName);
		if (!field || !canRead(permission, fieldName)) throw forbiddenField(collection, fieldName);
		const relational = model.relational.get(fieldName);
		const deep = query.deep?.[group.key] ?? {};
		if (relational && group.wildcard && relational.kind !== 'm2a' && (relational.kind === 'o2m' || group.children.length > 0)) {
			if (!(await context.permissions.get(context.accountability, relational.related, 'read'))) continue;
		}

		if (!relational) {
			if (group.children.length > 0) throw createError('fieldNotRelational', { field: fieldName, collection, subfield: group.children[0]! });
			if (!field.schema) continue;
			node.columns.add(fieldName);
			node.entries.push({ kind: 'column', key: group.key, column: fieldName });
			continue;
		}
		if (relational.kind === 'm2o') {
			node.columns.add(fieldName);
			if (group.children.length === 0) node.entries.push({ kind: 'column', key: group.key, column: fieldName });
			else
				node.entries.push({
					kind: 'm2o',
					key: group.key,
					relation: relational,
					node: await buildReadNode(context, relational.related, deep, deep.fields ?? group.children, budget),
				});
			continue;
		}
		if (relational.kind === 'o2m') {
			const related = collectionModel(context.schema, relational.related);
			const keysOnly = group.children.length === 0 && !deep.fields;
			const child = await buildReadNode(context, relational.related, deep, keysOnly ? [related.primary] : (deep.fields ?? group.children), budget);
			// The child's key to its parent is needed to hand rows back, whether or not it was asked for.
			child.columns.add(relational.relatedField);
			node.entries.push({ kind: 'o2m', key: group.key, relation: relational, node: child, keysOnly });
			continue;
		}
		node.columns.add(fieldName);
		node.columns.add(relational.collectionField);
		if (group.children.length === 0 && group.anyChildren.size === 0) {
			node.entries.push({ kind: 'column', key: group.key, column: fieldName });
			continue;
		}
		const nodes = new Map<string, ReadNode>();
		for (const target of relational.allowed) {
			const subfields = group.anyChildren.get(target) ?? group.children;
			if (subfields.length === 0) continue;
			nodes.set(target, await buildReadNode(context, target, deep, subfields, budget));
		}
		node.entries.push({ kind: 'm2a', key: group.key, relation: relational, nodes });
	}
	return node;
}

function addFunction(node: ReadNode, key: string, fn: NonNullable<ReturnType<typeof parseFunctionField>>['fn'], fieldName: string): void {
	const { model, permission } = node;
	const field = model.fields.get(fieldName);
	if (!field || !canRead(permission, fieldName)) throw forbiddenField(model.collection, fieldName);
	const relational = model.relational.get(fieldName);
	if (fn === 'count' ? relational?.kind !== 'o2m' : !['date', 'dateTime', 'timestamp', 'time'].includes(field.type)) {
		throw createError('filterFunctionRefusedForType', { fn, field: fieldName, type: field.type });
	}
	node.entries.push({ kind: 'function', key: key === `${fn}(${fieldName})` ? `${fieldName}_${fn}` : key, fn, field: fieldName });
}

/** Groups field paths by their first segment, in the order asked, expanding wildcards. */
function groupFields(model: CollectionModel, paths: string[], permission: ReadNode['permission'], aliases: Record<string, string>): FieldGroup[] {
	const groups = new Map<string, FieldGroup>();
	const group = (key: string) => {
		let found = groups.get(key);
		if (!found) groups.set(key, (found = { key, children: [], anyChildren: new Map(), wildcard: true }));
		return found;
	};
	const named = (key: string) => {
		const found = group(key);
		found.wildcard = false;
		return found;
	};
	for (const path of paths) {
		const functionField = parseFunctionField(path);
		const dot = functionField ? -1 : path.indexOf('.');
		const head = dot === -1 ? path : path.slice(0, dot);
		const rest = dot === -1 ? null : path.slice(dot + 1);
		if (head === '*') {
			for (const field of model.info.fields) {
				if (!canRead(permission, field.field)) continue;
				const relational = model.relational.get(field.field);
				if (!field.schema && !relational) continue;
				const entry = group(field.field);
				if (rest !== null && relational) entry.children.push(rest);
			}
			for (const alias of Object.keys(aliases)) group(alias);
			continue;
		}
		const colon = head.indexOf(':');
		if (colon !== -1) {
			const entry = named(head.slice(0, colon));
			const target = head.slice(colon + 1);
			entry.anyChildren.set(target, [...(entry.anyChildren.get(target) ?? []), ...(rest === null ? ['*'] : [rest])]);
			continue;
		}
		const entry = named(head);
		if (rest !== null) entry.children.push(rest);
	}
	return [...groups.values()];
}

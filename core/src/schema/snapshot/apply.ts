import { createError } from '../../errors/index.js';
import type { SchemaContext } from '../operations/context.js';
import { createCollection, deleteCollection, updateCollection } from '../operations/collections.js';
import { createField, deleteField, updateField } from '../operations/fields.js';
import { createRelation, deleteRelation, updateRelation } from '../operations/relations.js';
import { applyEntries, describePaths, touches } from './deep-diff.js';
import { snapshotHash, takeSnapshot } from './take.js';
import type { ApplyStep, DiffEntry, SchemaDiff, Snapshot, SnapshotCollection, SnapshotField, SnapshotRelation } from './types.js';
import { validateDiff } from './validate.js';

interface PlannedStep extends ApplyStep {
	run(): Promise<unknown>;
}

/** New or Deleted as a whole item, rather than one of its values. */
const wholeItem = (kind: 'N' | 'D') => (entries: DiffEntry[]) => entries.length === 1 && entries[0]!.kind === kind && !entries[0]!.path?.length;
const isNew = wholeItem('N');
const isDeleted = wholeItem('D');

/**
 * Applies a diff through the data-model operations, as a trusted internal caller. It is refused
 * when the schema is no longer the one the diff was computed against. Order keeps every step
 * valid: relations, then fields, then collections go first; then collections (a folder before
 * what it groups) with their fields, changes to collections and fields, and relations last,
 * once both of their ends exist. With `dryRun`, the steps are planned and returned, not run.
 */
export async function applyDiff(context: SchemaContext, input: unknown, options: { dryRun?: boolean } = {}): Promise<ApplyStep[]> {
	const { hash, diff } = validateDiff(input);
	const current = takeSnapshot(await context.store.get());
	if (snapshotHash(current) !== hash) {
		throw createError('snapshotDiffStale');
	}
	const steps = planSteps(context, current, diff);
	if (!options.dryRun) for (const step of steps) await step.run();
	return steps.map(({ run: _run, ...step }) => step);
}

function planSteps(context: SchemaContext, current: Snapshot, diff: SchemaDiff): PlannedStep[] {
	const key = (collection: string, field: string) => `${collection}.${field}`;
	const currentCollections = new Map(current.collections.map((item) => [item.collection, item]));
	const currentFields = new Map(current.fields.map((item) => [key(item.collection, item.field), item]));
	const currentRelations = new Map(current.relations.map((item) => [key(item.collection, item.field), item]));
	const existing = <T>(map: Map<string, T>, name: string): T => {
		const found = map.get(name);
		if (!found) throw createError('snapshotDiffTargetMissing', { name });
		return found;
	};

	const deletedCollections = new Set(diff.collections.filter((item) => isDeleted(item.diff)).map((item) => item.collection));
	const newCollections = diff.collections.filter((item) => isNew(item.diff)).map((item) => (item.diff[0] as { rhs: SnapshotCollection }).rhs);
	const newCollectionNames = new Set(newCollections.map((item) => item.collection));
	const steps: PlannedStep[] = [];
	const step = (
		action: ApplyStep['action'],
		kind: ApplyStep['kind'],
		collection: string,
		field: string | undefined,
		description: string,
		run: () => Promise<unknown>,
	) => steps.push({ action, kind, collection, ...(field === undefined ? {} : { field }), description, run });

	// The collection's own deletion takes its fields and relations along.
	for (const item of diff.relations.filter((r) => isDeleted(r.diff) && !deletedCollections.has(r.collection))) {
		step('delete', 'relation', item.collection, item.field, `delete relation ${key(item.collection, item.field)}`, () =>
			deleteRelation(context, null, item.collection, item.field),
		);
	}
	for (const item of diff.fields.filter((f) => isDeleted(f.diff) && !deletedCollections.has(f.collection))) {
		step('delete', 'field', item.collection, item.field, `delete field ${key(item.collection, item.field)}`, () =>
			deleteField(context, null, item.collection, item.field),
		);
	}
	for (const name of deletedCollections)
		step('delete', 'collection', name, undefined, `delete collection ${name}`, () => deleteCollection(context, null, name));

	const newFields = diff.fields.filter((item) => isNew(item.diff)).map((item) => (item.diff[0] as { rhs: SnapshotField }).rhs);
	for (const collection of groupsFirst(newCollections)) {
		const fields = newFields.filter((field) => field.collection === collection.collection);
		const what = collection.schema ? `${fields.length} field${fields.length === 1 ? '' : 's'}` : 'folder';
		step('create', 'collection', collection.collection, undefined, `create collection ${collection.collection} (${what})`, () =>
			createCollection(context, null, { collection: collection.collection, meta: collection.meta, schema: collection.schema, fields: fields.map(fieldBody) }),
		);
	}
	for (const item of diff.collections.filter((c) => !isNew(c.diff) && !isDeleted(c.diff))) {
		const { meta } = applyEntries(existing(currentCollections, item.collection), item.diff);
		if (!meta) continue;
		step('update', 'collection', item.collection, undefined, `update collection ${item.collection}: ${describePaths(item.diff)}`, () =>
			updateCollection(context, null, item.collection, { meta }),
		);
	}

	for (const field of newFields.filter((f) => !newCollectionNames.has(f.collection))) {
		step('create', 'field', field.collection, field.field, `create field ${key(field.collection, field.field)} (${field.type})`, () =>
			createField(context, null, field.collection, fieldBody(field)),
		);
	}
	for (const item of diff.fields.filter((f) => !isNew(f.diff) && !isDeleted(f.diff))) {
		const target = applyEntries(existing(currentFields, key(item.collection, item.field)), item.diff);
		const body: Record<string, unknown> = {};
		if (touches(item.diff, 'type')) body.type = target.type;
		if ((touches(item.diff, 'schema') || touches(item.diff, 'type')) && target.schema) body.schema = columnChange(target);
		// A field without a metadata row keeps having none: sending `meta` would create one.
		if (touches(item.diff, 'meta') && target.meta) body.meta = target.meta;
		step('update', 'field', item.collection, item.field, `update field ${key(item.collection, item.field)}: ${describePaths(item.diff)}`, () =>
			updateField(context, null, item.collection, item.field, body),
		);
	}

	for (const item of diff.relations.filter((r) => isNew(r.diff))) {
		const relation = (item.diff[0] as { rhs: SnapshotRelation }).rhs;
		step(
			'create',
			'relation',
			item.collection,
			item.field,
			`create relation ${key(item.collection, item.field)} → ${relation.related_collection ?? 'any collection'}`,
			() => createRelation(context, null, relationBody(relation)),
		);
	}
	for (const item of diff.relations.filter((r) => !isNew(r.diff) && !isDeleted(r.diff))) {
		const before = existing(currentRelations, key(item.collection, item.field));
		const target = applyEntries(before, item.diff);
		const description = `update relation ${key(item.collection, item.field)}: ${describePaths(item.diff)}`;
		// A key that appears, disappears or points elsewhere cannot be altered in place.
		if ((before.schema === null) !== (target.schema === null) || before.related_collection !== target.related_collection) {
			step('update', 'relation', item.collection, item.field, description, async () => {
				await deleteRelation(context, null, item.collection, item.field);
				await createRelation(context, null, relationBody(target));
			});
		} else {
			step('update', 'relation', item.collection, item.field, description, () =>
				updateRelation(context, null, item.collection, item.field, {
					...(target.schema ? { schema: { on_delete: target.schema.on_delete } } : {}),
					...(target.meta ? { meta: target.meta } : {}),
				}),
			);
		}
	}
	return steps;
}

/** A field as the operations take it when creating one. */
function fieldBody(field: SnapshotField) {
	return { field: field.field, type: field.type, meta: field.meta, schema: field.schema };
}

/** Key and generation are fixed when a column is created; an alter carries the rest. */
function columnChange(field: SnapshotField) {
	const { is_primary_key: _primary, has_auto_increment: _generated, ...rest } = field.schema!;
	return rest;
}

function relationBody(relation: SnapshotRelation) {
	return {
		collection: relation.collection,
		field: relation.field,
		related_collection: relation.related_collection,
		meta: relation.meta,
		schema: relation.schema ? { on_delete: relation.schema.on_delete } : null,
	};
}

/** A folder is created before the collections it groups (metadata refers to it by key). */
function groupsFirst(collections: SnapshotCollection[]): SnapshotCollection[] {
	const pending = new Map(collections.map((item) => [item.collection, item]));
	const ordered: SnapshotCollection[] = [];
	const visit = (item: SnapshotCollection, seen: Set<string>) => {
		if (!pending.has(item.collection) || seen.has(item.collection)) return;
		seen.add(item.collection);
		const group = typeof item.meta?.group === 'string' ? pending.get(item.meta.group) : undefined;
		if (group) visit(group, seen);
		pending.delete(item.collection);
		ordered.push(item);
	};
	for (const item of collections) visit(item, new Set());
	return ordered;
}

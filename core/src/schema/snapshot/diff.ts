import type { SchemaOverview } from '../types.js';
import { deepDiff } from './deep-diff.js';
import { snapshotHash, takeSnapshot } from './take.js';
import type { DiffEntry, SchemaDiff, SchemaDiffResult, Snapshot } from './types.js';
import { validateSnapshot } from './validate.js';

/**
 * What it takes to turn the current model into the snapshot's, with the hash of the current
 * model so that the diff is only applied to the schema it was computed against. The snapshot may
 * come from any vendor; only a newer major version is refused (unless forced).
 */
export function diffAgainst(overview: SchemaOverview, input: unknown, options: { force?: boolean } = {}): SchemaDiffResult {
	const target = validateSnapshot(input, options);
	const current = takeSnapshot(overview);
	return { hash: snapshotHash(current), diff: diffSnapshots(current, target) };
}

export function isEmptyDiff(diff: SchemaDiff): boolean {
	return diff.collections.length === 0 && diff.fields.length === 0 && diff.relations.length === 0;
}

/** Entries per item, keyed by `key`: New for items only in `target`, Deleted for items only in `current`. */
function diffLists<T extends object>(current: T[], target: T[], key: (item: T) => string): Array<{ item: T; diff: DiffEntry[] }> {
	const currentByKey = new Map(current.map((item) => [key(item), item]));
	const targetKeys = new Set(target.map(key));
	const out: Array<{ item: T; diff: DiffEntry[] }> = [];
	for (const item of target) {
		const existing = currentByKey.get(key(item));
		const diff = existing ? deepDiff(existing, item) : [{ kind: 'N' as const, rhs: item }];
		if (diff.length) out.push({ item, diff });
	}
	for (const item of current) if (!targetKeys.has(key(item))) out.push({ item, diff: [{ kind: 'D', lhs: item }] });
	return out;
}

export function diffSnapshots(current: Snapshot, target: Snapshot): SchemaDiff {
	const fieldKey = (item: { collection: string; field: string }) => `${item.collection}.${item.field}`;
	return {
		collections: diffLists(current.collections, target.collections, (item) => item.collection).map(({ item, diff }) => ({ collection: item.collection, diff })),
		fields: diffLists(current.fields, target.fields, fieldKey).map(({ item, diff }) => ({ collection: item.collection, field: item.field, diff })),
		relations: diffLists(current.relations, target.relations, fieldKey).map(({ item, diff }) => ({
			collection: item.collection,
			field: item.field,
			related_collection: item.related_collection,
			diff,
		})),
	};
}

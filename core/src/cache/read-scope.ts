import { ScopedStorage } from '../scoped-storage.js';

/**
 * What one cacheable request's answer depended on, noted by the data engine as it reads: every
 * collection it consulted (the one asked for, those its fields, filters and row rules join), and
 * whether `$CURRENT_USER` shaped it. A write during the request makes the answer unfit to keep.
 */
export interface ReadScope {
	collections: Set<string>;
	userBound: boolean;
	wrote: boolean;
}

const scopes = new ScopedStorage<ReadScope>();

export function withReadScope<T>(scope: ReadScope, work: () => Promise<T>): Promise<T> {
	return scopes.run(scope, work);
}

/**
 * Read plans being built. Each hears of every collection resolved while it is built: its own, and
 * those of plans built at the same moment, a superset that only ever makes a purge drop more.
 * (A second AsyncLocalStorage would switch on promise hooks for the whole process.)
 */
const recorders = new Set<Set<string>>();

/** Runs `work` (building a read plan) and adds to `collections` every collection it resolves. */
export async function recordingReads<T>(collections: Set<string>, work: () => Promise<T>): Promise<T> {
	recorders.add(collections);
	try {
		return await work();
	} finally {
		recorders.delete(collections);
	}
}

/** Called wherever the engine resolves a collection: outside a cacheable request it costs one lookup. */
export function noteCollectionRead(collection: string): void {
	scopes.getStore()?.collections.add(collection);
	for (const recorder of recorders) recorder.add(collection);
}

/** A cached read plan's collections, which running it does not resolve again: its answer depends on them all the same. */
export function noteCollectionsRead(collections: Iterable<string>): void {
	const scope = scopes.getStore();
	if (scope) for (const collection of collections) scope.collections.add(collection);
}

/** The answer differs from one user to the next even under the same policies. */
export function noteUserBound(): void {
	const scope = scopes.getStore();
	if (scope) scope.userBound = true;
}

export function noteWrite(): void {
	const scope = scopes.getStore();
	if (scope) scope.wrote = true;
}

import { AsyncLocalStorage } from 'node:async_hooks';

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

const scopes = new AsyncLocalStorage<ReadScope>();

export function withReadScope<T>(scope: ReadScope, work: () => Promise<T>): Promise<T> {
	return scopes.run(scope, work);
}

/** Called wherever the engine resolves a collection: outside a cacheable request it costs one lookup. */
export function noteCollectionRead(collection: string): void {
	scopes.getStore()?.collections.add(collection);
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

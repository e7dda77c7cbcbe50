import { canonicalJson } from './take.js';
import type { DiffEntry, DiffPath } from './types.js';

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The changes that turn `lhs` into `rhs`, as deep-diff writes them: a key only on the right is
 * New, only on the left Deleted, on both with another value Edited. Arrays are compared as whole
 * values (one Edited entry), which is what applying needs: a list of specials or allowed
 * collections is replaced, never patched item by item.
 */
export function deepDiff(lhs: unknown, rhs: unknown, path: DiffPath = []): DiffEntry[] {
	if (canonicalJson(lhs) === canonicalJson(rhs)) return [];
	if (!isPlainObject(lhs) || !isPlainObject(rhs)) return [{ kind: 'E', path, lhs, rhs }];
	const entries: DiffEntry[] = [];
	const keys = [...new Set([...Object.keys(lhs), ...Object.keys(rhs)])].sort();
	for (const key of keys) {
		if (!(key in lhs)) entries.push({ kind: 'N', path: [...path, key], rhs: rhs[key] });
		else if (!(key in rhs)) entries.push({ kind: 'D', path: [...path, key], lhs: lhs[key] });
		else entries.push(...deepDiff(lhs[key], rhs[key], [...path, key]));
	}
	return entries;
}

/** `target` with the entries applied (a copy; `target` is left as it was). */
export function applyEntries<T>(target: T, entries: DiffEntry[]): T {
	let result: unknown = structuredClone(target);
	for (const entry of entries) {
		const path = entry.path ?? [];
		if (path.length === 0) {
			result = entry.kind === 'D' ? undefined : structuredClone(entry.rhs);
			continue;
		}
		let parent = result as Record<string | number, unknown>;
		for (const key of path.slice(0, -1)) {
			if (!isPlainObject(parent[key])) parent[key] = {};
			parent = parent[key] as Record<string | number, unknown>;
		}
		const last = path[path.length - 1]!;
		if (entry.kind === 'D') delete parent[last];
		else parent[last] = structuredClone(entry.rhs);
	}
	return result as T;
}

/** Whether the entries touch `key` at the top level (`schema`, `meta`, `type` ...). */
export function touches(entries: DiffEntry[], key: string): boolean {
	return entries.some((entry) => entry.path?.[0] === key);
}

/** `meta.note, schema.max_length`: what a person reads in a dry run. */
export function describePaths(entries: DiffEntry[]): string {
	return [...new Set(entries.map((entry) => (entry.path ?? []).join('.')))].join(', ');
}

import type { Item } from '@mantle/extensions-sdk';
import type { OutputEntry } from '../ast/types.js';
import { concealedMask } from '../schema-index.js';

/** Turns one row, its values already in the API's form, into the item returned. */
export type RowShaper = (row: Item) => Item;

type Getter = (row: Item) => unknown;

function getter(entry: OutputEntry, concealed: Set<string>): Getter {
	if (entry.kind === 'column') {
		const column = entry.column;
		if (concealed.has(column)) return (row) => (row[column] === null ? null : concealedMask);
		return (row) => row[column];
	}
	if (entry.kind === 'function') {
		const key = entry.key;
		return (row) => (row[key] === null || row[key] === undefined ? null : Number(row[key]));
	}
	// Relational values are attached once their level has been read.
	return () => null;
}

/**
 * The shaper of one level, decided once per plan: what each output key reads is chosen here,
 * not per row and per field.
 */
export function compileShaper(entries: OutputEntry[], concealed: Set<string>): RowShaper {
	const keys = entries.map((entry) => entry.key);
	const getters = entries.map((entry) => getter(entry, concealed));
	const count = keys.length;
	return (row) => {
		const item: Item = {};
		for (let index = 0; index < count; index++) item[keys[index]!] = getters[index]!(row);
		return item;
	};
}

import { stringify } from 'csv-stringify/sync';
import { isPlainObject, toPlain } from './plain.js';

/**
 * CSV rows, streamed. The columns are the first row's keys, nested objects flattened into dotted
 * names (`author.name`): a stream can't look ahead, so keys first seen in later rows are not
 * exported (queries give every row the same keys, so this only bites mixed hand-made input).
 * A value that is still an object or array at its column is written as JSON; null is an empty
 * cell and an empty string a quoted empty cell (`""`), for readers that tell the two apart.
 */
export async function* csvChunks(items: AsyncIterable<Record<string, unknown>>): AsyncGenerator<string> {
	let columns: string[][] | undefined;
	for await (const item of items) {
		const row = toPlain(item) as Record<string, unknown>;
		if (!columns) {
			columns = columnPaths(row, []);
			yield line(columns.map((path) => path.join('.')));
		}
		yield line(columns.map((path) => cell(valueAt(row, path))));
	}
}

function line(cells: (string | null)[]): string {
	return stringify([cells], { quoted_match: /^$/ });
}

function columnPaths(row: Record<string, unknown>, prefix: string[]): string[][] {
	return Object.entries(row).flatMap(([key, value]) =>
		isPlainObject(value) && Object.keys(value).length > 0 ? columnPaths(value, [...prefix, key]) : [[...prefix, key]],
	);
}

function valueAt(row: Record<string, unknown>, path: string[]): unknown {
	let value: unknown = row;
	for (const key of path) {
		if (!isPlainObject(value)) return null;
		value = value[key];
	}
	return value;
}

function cell(value: unknown): string | null {
	if (value === null || value === undefined) return null;
	if (typeof value === 'object') return JSON.stringify(value);
	return String(value);
}

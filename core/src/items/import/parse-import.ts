import type { Readable } from 'node:stream';
import { parse as csvParser } from 'csv-parse';
import { streamArray } from 'stream-json/streamers/stream-array.js';
import verifier from 'stream-json/utils/verifier.js';
import { createError } from '../../errors/index.js';

export type ImportFormat = 'json' | 'csv';

const formatByType: Record<string, ImportFormat> = {
	'application/json': 'json',
	'text/json': 'json',
	'text/csv': 'csv',
	'application/csv': 'csv',
};

/**
 * The format of an uploaded file: its media type when that names JSON or CSV, otherwise its file
 * extension (browsers on Windows send `.csv` files as `application/vnd.ms-excel`).
 */
export function importFormatFromContentType(contentType: string | undefined, filename?: string): ImportFormat {
	const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
	const byType = formatByType[type] ?? (type.endsWith('+json') ? 'json' : undefined);
	if (byType) return byType;
	const extension = /\.([^./\\]+)$/.exec(filename ?? '')?.[1]?.toLowerCase();
	if (extension === 'json' || extension === 'csv') return extension;
	if (!type) throw filename ? createError('importFileTypeMissing', { file: filename }) : createError('importTypeMissing');
	throw filename ? createError('importFileTypeRefused', { type, file: filename }) : createError('importTypeRefused', { type });
}

/**
 * Reads the items of an import file as they arrive, so a file of any size is held one item at a
 * time. Malformed input throws INVALID_PAYLOAD saying where: the item index or the line.
 */
export function parseImport(format: ImportFormat, input: Readable): AsyncIterable<Record<string, unknown>> {
	return format === 'json' ? jsonItems(input) : csvItems(input);
}

/**
 * stream-json's pipelines are stream-chain generator functions: called with a chunk they yield
 * what it completes, called with stream-chain's registered `none` symbol they flush. The symbol
 * is looked up by its registry key so that stream-chain, a dependency of stream-json, need not
 * be one of ours.
 */
type Stage<T> = (chunk: unknown) => AsyncIterable<T>;
const flush = Symbol.for('object-stream.none');

/**
 * Each chunk goes through a verifier, which knows the exact line and column of a syntax error,
 * and then through the array streamer, which assembles one element at a time.
 */
async function* jsonItems(input: Readable): AsyncGenerator<Record<string, unknown>> {
	const check = verifier() as unknown as Stage<unknown>;
	const elements = streamArray.withParser() as unknown as Stage<{ key: number; value: unknown }>;
	const feed = async function* (chunk: unknown): AsyncGenerator<{ key: number; value: unknown }> {
		try {
			for await (const _ of check(chunk)) continue;
		} catch (error) {
			const { line, pos, message } = error as { line?: number; pos?: number; message: string };
			const reason = message.replace(/^.*?Verifier (?:cannot parse input: )?(?:has )?/, '');
			throw createError('importJsonInvalidAt', { line: line ?? '', column: pos ?? '', reason });
		}
		try {
			yield* elements(chunk);
		} catch (error) {
			if (/top-level/i.test((error as Error).message)) throw createError('importJsonNotList');
			throw createError('importJsonInvalid', { reason: (error as Error).message });
		}
	};
	const items = async function* (chunk: unknown): AsyncGenerator<Record<string, unknown>> {
		for await (const { key, value } of feed(chunk)) {
			if (typeof value !== 'object' || value === null || Array.isArray(value)) {
				const shown = Array.isArray(value) ? 'an array' : JSON.stringify(value);
				throw createError('importItemNotObject', { index: key, value: shown.length > 80 ? `${shown.slice(0, 77)}...` : shown });
			}
			yield value as Record<string, unknown>;
		}
	};
	// Stopping early must leave the request stream alone: a destroyed request body keeps Hapi from
	// ever sending the error response (it waits for the body's end), so the client would hang.
	for await (const chunk of input.iterator({ destroyOnReturn: false })) yield* items(chunk);
	yield* items(flush);
}

/**
 * CSV with a header row. Empty cells are null; cells holding a JSON array or object (relational
 * values) are parsed; everything else stays text for the engine to coerce by field type. Dotted
 * headers (`author.name`) nest. Shorter rows leave their missing columns out. (csv-parse's
 * per-cell `cast` hook would tell `""` from an empty cell, but costs several times the parse.)
 */
async function* csvItems(input: Readable): AsyncGenerator<Record<string, unknown>> {
	const parser = csvParser({ bom: true, relax_column_count_less: true, skip_empty_lines: true });
	// Piped rather than `pipeline`d: a parse error must not destroy the request stream (see jsonItems).
	input.pipe(parser);
	input.once('error', (error) => parser.destroy(error));
	let header: string[][] | undefined;
	try {
		for await (const record of parser as AsyncIterable<string[]>) {
			if (!header) {
				header = readHeader(record);
				continue;
			}
			const item: Record<string, unknown> = {};
			record.forEach((text, index) => setPath(item, header![index], cellValue(text)));
			yield item;
		}
	} catch (error) {
		const { code, lines, record } = error as { code?: string; lines?: number; record?: unknown[] };
		if (code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') {
			throw createError('importCsvLineTooLong', { line: lines ?? '', cells: record?.length ?? '' });
		}
		if (code?.startsWith('CSV_')) throw createError('importCsvInvalid', { reason: (error as Error).message });
		throw error;
	} finally {
		input.unpipe(parser);
	}
}

function readHeader(record: string[]): string[][] {
	const seen = new Set<string>();
	return record.map((name, index) => {
		const column = name.trim();
		if (column === '' || column.split('.').some((part) => part === ''))
			throw createError('importCsvColumnUnnamed', { index: index + 1, shown: column ? ` ("${column}")` : '' });
		if (column.split('.').includes('__proto__')) throw createError('importCsvColumnRefused', { index: index + 1, column });
		if (seen.has(column)) throw createError('importCsvColumnTwice', { column });
		for (const other of seen) {
			if (other.startsWith(`${column}.`) || column.startsWith(`${other}.`)) throw createError('importCsvColumnsOverlap', { other, column });
		}
		seen.add(column);
		return column.split('.');
	});
}

function cellValue(text: string): unknown {
	if (text === '') return null;
	const start = text.trimStart()[0];
	if (start === '[' || start === '{') {
		try {
			return JSON.parse(text);
		} catch {
			return text;
		}
	}
	return text;
}

function setPath(item: Record<string, unknown>, path: string[], value: unknown): void {
	let target = item;
	for (const key of path.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
	target[path.at(-1)!] = value;
}

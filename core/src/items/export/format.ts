import { Readable } from 'node:stream';
import type { ExportFormat } from '../query/types.js';
import { csvChunks } from './csv.js';
import { toPlain } from './plain.js';
import { xmlChunks } from './xml.js';

export const exportContentTypes: Record<ExportFormat, string> = {
	json: 'application/json; charset=utf-8',
	csv: 'text/csv; charset=utf-8',
	xml: 'text/xml; charset=utf-8',
	yaml: 'text/yaml; charset=utf-8',
};

type Chunks = (items: AsyncIterable<Record<string, unknown>>) => AsyncGenerator<string>;

/** A JSON array, one item per line. */
async function* jsonChunks(items: AsyncIterable<Record<string, unknown>>): AsyncGenerator<string> {
	let count = 0;
	for await (const item of items) yield `${count++ === 0 ? '[\n' : ',\n'}${JSON.stringify(toPlain(item))}`;
	yield count === 0 ? '[]' : '\n]';
}

/** Rows per call of the YAML library: each call has a fixed cost, and a batch stays small. */
const yamlBatch = 100;

/**
 * One YAML sequence, written by the YAML library so quoting stays right. The sequences of
 * successive batches, written one after the other, read as a single sequence.
 */
async function* yamlChunks(items: AsyncIterable<Record<string, unknown>>): AsyncGenerator<string> {
	// Loaded on the first YAML export, not at every start.
	const { stringify } = await import('yaml');
	let batch: unknown[] = [];
	let count = 0;
	const write = () => stringify(batch, { lineWidth: 0, aliasDuplicateObjects: false });
	for await (const item of items) {
		count += 1;
		batch.push(toPlain(item));
		if (batch.length === yamlBatch) {
			yield write();
			batch = [];
		}
	}
	if (batch.length > 0) yield write();
	if (count === 0) yield '[]\n';
}

const writers: Record<ExportFormat, Chunks> = { json: jsonChunks, csv: csvChunks, xml: xmlChunks, yaml: yamlChunks };

/** Rows are small; gathering them into chunks of about this size keeps the per-chunk cost low. */
const chunkSize = 64 * 1024;

async function* gathered(chunks: AsyncGenerator<string>): AsyncGenerator<string> {
	let pending = '';
	for await (const chunk of chunks) {
		pending += chunk;
		if (pending.length >= chunkSize) {
			yield pending;
			pending = '';
		}
	}
	if (pending !== '') yield pending;
}

/**
 * Writes rows as a byte stream in the given format. Rows are pulled from `items` only as the
 * reader consumes the output, so an export of any size holds about one chunk in memory.
 */
export function exportStream(format: ExportFormat, items: AsyncIterable<Record<string, unknown>>): Readable {
	return Readable.from(gathered(writers[format](items)), { objectMode: false });
}

import type { Dialect } from '../../database/dialects/types.js';
import type { FieldInfo } from '../../schema/types.js';
import { createFieldWriter } from './coerce-input.js';
import { createRowReader } from './normalize-output.js';

const writers = new WeakMap<FieldInfo, (value: unknown) => unknown>();
const readers = new WeakMap<object, Map<string, (row: Record<string, unknown>) => Record<string, unknown>>>();

/** Field writers are built once per field of a schema overview and reused for every row. */
export function fieldWriter(field: FieldInfo, dialect: Dialect): (value: unknown) => unknown {
	let writer = writers.get(field);
	if (!writer) writers.set(field, (writer = createFieldWriter(field, dialect)));
	return writer;
}

/** A row reader for one set of columns of one collection, built once per schema overview. */
export function rowReader(owner: object, fields: FieldInfo[], dialect: Dialect): (row: Record<string, unknown>) => Record<string, unknown> {
	let byColumns = readers.get(owner);
	if (!byColumns) readers.set(owner, (byColumns = new Map()));
	const key = fields.map((field) => field.field).join(',');
	let reader = byColumns.get(key);
	if (!reader) byColumns.set(key, (reader = createRowReader(fields, dialect)));
	return reader;
}

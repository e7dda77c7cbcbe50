import type { Dialect } from '../../database/dialects/types.js';
import type { FieldInfo } from '../../schema/types.js';

type Reader = (raw: unknown) => unknown;

function vendorReader(field: FieldInfo, dialect: Dialect): Reader | undefined {
	if (field.type === 'alias') return undefined;
	const read = dialect.values.readers[field.type];
	return read ? (raw) => read(raw, field) : undefined;
}

/**
 * Reads one value as the driver returned it into the API's form (primary keys, filter values).
 * The API's forms are the same on every vendor: see `createRowReader`.
 */
export function createFieldReader(field: FieldInfo, dialect: Dialect): Reader {
	const read = vendorReader(field, dialect);
	return read ? (raw) => (raw === null || raw === undefined ? raw : read(raw)) : (raw) => raw;
}

/**
 * Builds the function that brings a row as the driver returned it into the API's values, in
 * place: integers and floats as numbers, big integers as numbers where exact and text beyond 2^53,
 * decimals as text with their scale, booleans, parsed JSON, csv as lists, dates `YYYY-MM-DD`,
 * times `HH:MM:SS`, dateTimes `YYYY-MM-DDTHH:MM:SS`, timestamps ISO UTC with milliseconds. The
 * list of fields needing work on this vendor is made once; others are not touched.
 */
export function createRowReader(fields: FieldInfo[], dialect: Dialect): (row: Record<string, unknown>) => Record<string, unknown> {
	const names: string[] = [];
	const readers: Reader[] = [];
	for (const field of fields) {
		const read = vendorReader(field, dialect);
		if (!read) continue;
		names.push(field.field);
		readers.push(read);
	}
	const count = names.length;
	if (count === 0) return (row) => row;
	return (row) => {
		for (let i = 0; i < count; i++) {
			const name = names[i]!;
			const raw = row[name];
			if (raw !== null && raw !== undefined) row[name] = readers[i]!(raw);
		}
		return row;
	};
}

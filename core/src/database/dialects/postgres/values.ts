import { createRequire } from 'node:module';
import { read, wallClockReaders, type DialectValues } from '../value-forms.js';

/** Type ids of the zone-free date types, which the dialect's connections return as text. */
export const wallClockTypeIds = [1082 /* date */, 1114 /* timestamp without time zone */];

/**
 * pg binds every normalised value as it is. It returns bigints as text, `json`/`jsonb` parsed,
 * numerics as text with their scale, timestamptz as a Date, and (through the dialect's type
 * parsers) date and timestamp without zone as the text stored, so no process zone shifts a wall
 * clock. Dates read as local Dates cover connections made without those parsers.
 */
export const values: DialectValues = {
	writers: {},
	readers: {
		bigInteger: read.bigInteger,
		// A json field may also be a text column marked `cast-json`, which the driver leaves as text.
		json: (raw, field) => (field.schema?.data_type === 'json' || field.schema?.data_type === 'jsonb' ? raw : read.json(raw)),
		csv: read.csv,
		...wallClockReaders('local'),
		timestamp: read.timestamp,
	},
};

interface PgTypeParsers {
	getTypeParser(oid: number, format?: string): unknown;
}

const require = createRequire(import.meta.url);
let defaults: PgTypeParsers | undefined;

/**
 * The pg `types` option of the dialect's connections: zone-free dates as text, every other type
 * as pg parses it. pg itself is loaded on first use, so installs without it never load it.
 */
export const pgTypes: PgTypeParsers = {
	getTypeParser(oid, format) {
		if (wallClockTypeIds.includes(oid)) return (value: string) => value;
		defaults ??= (require('pg') as { types: PgTypeParsers }).types;
		return defaults.getTypeParser(oid, format);
	},
};

import { localDateOf, parseDateText, parseTimeText, read, storedValueReaders, wallClockReaders, type DialectValues } from '../value-forms.js';

/**
 * Oracle reads text dates only in the session's NLS format, so temporal values are bound as JS
 * Dates, which node-oracledb converts without one. DATE and TIMESTAMP hold a wall clock that the
 * driver maps to and from the process's local zone; timestamps and times (knex declares both as
 * TIMESTAMP WITH LOCAL TIME ZONE) are instants, a time being one on 1970-01-01 UTC. Booleans are
 * NUMBER(1); numbers come back as JS numbers.
 */
export const values: DialectValues = {
	writers: {
		boolean: (value) => (value ? 1 : 0),
		date: (value) => localDateOf(parseDateText(String(value))!),
		dateTime: (value) => localDateOf(parseDateText(String(value))!),
		time: (value) => new Date(`1970-01-01T${parseTimeText(String(value))}Z`),
		timestamp: (value) => new Date(String(value)),
	},
	readers: {
		...storedValueReaders,
		boolean: read.boolean,
		...wallClockReaders('local'),
	},
};

import { read, storedValueReaders, utcText, wallClockReaders, type DialectValues } from '../value-forms.js';

/**
 * SQLite keeps what it is given. Booleans are bound as 1/0 (the driver refuses JS booleans), and
 * timestamps as UTC text `YYYY-MM-DD HH:MM:SS.sss`: the shape of its own CURRENT_TIMESTAMP, so
 * rows written either way sort together as text, and one that `strftime` reads. Readers also
 * accept the epoch milliseconds knex stores when handed a JS Date.
 */
export const values: DialectValues = {
	writers: {
		boolean: (value) => (value ? 1 : 0),
		timestamp: utcText,
	},
	readers: {
		...storedValueReaders,
		boolean: read.boolean,
		...wallClockReaders('utc'),
	},
	// Integers come back as JS numbers; text keeps those beyond 2^53 exact.
	selectColumn: (type, column) => (type === 'bigInteger' ? `CAST(${column} AS TEXT)` : undefined),
};

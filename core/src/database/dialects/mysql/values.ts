import { read, utcText, wallClockReaders, type DialectValues } from '../value-forms.js';

/**
 * MySQL and MariaDB connections run in UTC (the dialect sets the session zone and the driver's),
 * so timestamps are bound as UTC text without a zone, which both servers accept. Booleans come
 * back as 0/1, JSON as text (MariaDB stores it as LONGTEXT; the dialect asks the driver for text
 * on MySQL too), DATE and DATETIME as the text stored, TIMESTAMP as a Date, bigints and decimals
 * as exact text.
 */
export const values: DialectValues = {
	writers: {
		timestamp: utcText,
	},
	readers: {
		boolean: read.boolean,
		bigInteger: read.bigInteger,
		json: read.json,
		csv: read.csv,
		// Written as given; read in lower case, as PostgreSQL's uuid type answers.
		uuid: read.uuid,
		...wallClockReaders('utc'),
		timestamp: read.timestamp,
	},
};

import { storedValueReaders, wallClockReaders, type DialectValues } from '../value-forms.js';

/**
 * SQL Server through tedious: text in ISO 8601 form converts to date, time, datetime2 and
 * datetimeoffset whatever the session's language. Reads give bits as booleans, bigints as text,
 * decimals as numbers, uniqueidentifiers in upper case, and every temporal type as a Date whose
 * UTC fields hold the stored wall clock (tedious' `useUTC`).
 */
export const values: DialectValues = {
	writers: {
		dateTime: (value) => String(value).replace(' ', 'T'),
	},
	readers: {
		...storedValueReaders,
		...wallClockReaders('utc'),
	},
};

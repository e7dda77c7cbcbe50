import { likePattern, type DatePart, type SqlFragments } from '../sql-fragments.js';

const parts: Record<Exclude<DatePart, 'weekday'>, string> = {
	year: 'year',
	month: 'month',
	week: 'iso_week',
	day: 'day',
	hour: 'hour',
	minute: 'minute',
	second: 'second',
};

export const sqlFragments: SqlFragments = {
	// DATEPART(weekday) depends on the session's DATEFIRST; this form gives Sunday = 0 whatever it is.
	datePart: (part, column) => (part === 'weekday' ? `((DATEPART(weekday, ${column}) + @@DATEFIRST - 1) % 7)` : `DATEPART(${parts[part]}, ${column})`),
	match: (column, mode, caseInsensitive, value) =>
		caseInsensitive
			? { sql: `LOWER(${column}) LIKE ? ESCAPE '\\'`, bindings: [likePattern(mode, value.toLowerCase())] }
			: { sql: `${column} COLLATE Latin1_General_CS_AS LIKE ? ESCAPE '\\'`, bindings: [likePattern(mode, value)] },
	characterLength: (column) => `len(${column})`,
	ping: 'select 1',
};

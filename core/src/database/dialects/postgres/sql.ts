import { likePattern, standardMatch, type DatePart, type SqlFragments } from '../sql-fragments.js';

const fields: Record<DatePart, string> = {
	year: 'YEAR',
	month: 'MONTH',
	week: 'WEEK',
	day: 'DAY',
	weekday: 'DOW',
	hour: 'HOUR',
	minute: 'MINUTE',
	second: 'SECOND',
};

export const sqlFragments: SqlFragments = {
	datePart: (part, column) => `CAST(FLOOR(EXTRACT(${fields[part]} FROM ${column})) AS INTEGER)`,
	// ILIKE folds case without building a lowered copy of every value, several times faster than LOWER() LIKE.
	match: (column, mode, caseInsensitive, value) =>
		caseInsensitive ? { sql: `${column} ILIKE ? ESCAPE '\\'`, bindings: [likePattern(mode, value)] } : standardMatch(column, mode, false, value),
	characterLength: (column) => `length(${column})`,
	ping: 'select 1',
};

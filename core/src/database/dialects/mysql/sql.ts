import { likePattern, type DatePart, type SqlFragments } from '../sql-fragments.js';

const functions: Record<DatePart, (column: string) => string> = {
	year: (c) => `YEAR(${c})`,
	month: (c) => `MONTH(${c})`,
	week: (c) => `WEEK(${c}, 3)`,
	day: (c) => `DAYOFMONTH(${c})`,
	weekday: (c) => `(DAYOFWEEK(${c}) - 1)`,
	hour: (c) => `HOUR(${c})`,
	minute: (c) => `MINUTE(${c})`,
	second: (c) => `SECOND(${c})`,
};

export const sqlFragments: SqlFragments = {
	datePart: (part, column) => functions[part](column),
	// The usual collations compare case-insensitively; a binary comparison is case-sensitive.
	// Backslash is already LIKE's escape character here, and an ESCAPE clause would need it doubled.
	match: (column, mode, caseInsensitive, value) =>
		caseInsensitive
			? { sql: `LOWER(${column}) LIKE ?`, bindings: [likePattern(mode, value.toLowerCase())] }
			: { sql: `${column} LIKE BINARY ?`, bindings: [likePattern(mode, value)] },
	characterLength: (column) => `length(${column})`,
	ping: 'select 1',
};

import { standardMatch, type DatePart, type SqlFragments } from '../sql-fragments.js';

const formats: Record<DatePart, string> = { year: '%Y', month: '%m', week: '%V', day: '%d', weekday: '%w', hour: '%H', minute: '%M', second: '%S' };

/** GLOB wildcards are escaped by wrapping them in brackets. */
function globPattern(mode: 'contains' | 'starts_with' | 'ends_with', value: string): string {
	const escaped = value.replace(/[*?[]/g, (char) => `[${char}]`);
	if (mode === 'contains') return `*${escaped}*`;
	return mode === 'starts_with' ? `${escaped}*` : `*${escaped}`;
}

export const sqlFragments: SqlFragments = {
	datePart: (part, column) => `CAST(strftime('${formats[part]}', ${column}) AS INTEGER)`,
	// SQLite's LIKE ignores ASCII case; GLOB is the case-sensitive match.
	match: (column, mode, caseInsensitive, value) =>
		caseInsensitive ? standardMatch(column, mode, true, value) : { sql: `${column} GLOB ?`, bindings: [globPattern(mode, value)] },
	characterLength: (column) => `length(${column})`,
	ping: 'select 1',
	// One JSON text parameter, read back row by row by json_each: no list is too long for SQLite's variable cap.
	valueList: (column, values, negate) => ({
		sql: `${column} ${negate ? 'NOT IN' : 'IN'} (SELECT value FROM json_each(?))`,
		bindings: [JSON.stringify(values)],
	}),
};

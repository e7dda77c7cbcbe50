import { standardMatch, type DatePart, type SqlFragments } from '../sql-fragments.js';

const formats: Record<Exclude<DatePart, 'weekday'>, string> = { year: 'YYYY', month: 'MM', week: 'IW', day: 'DD', hour: 'HH24', minute: 'MI', second: 'SS' };

export const sqlFragments: SqlFragments = {
	// 'D' depends on NLS_TERRITORY; the distance from a known Sunday does not.
	datePart: (part, column) => (part === 'weekday' ? `MOD(TRUNC(${column}) - DATE '1970-01-04', 7)` : `TO_NUMBER(TO_CHAR(${column}, '${formats[part]}'))`),
	match: standardMatch,
	characterLength: (column) => `length(${column})`,
	ping: 'select 1 from dual',
};

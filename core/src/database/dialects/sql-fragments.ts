/** Date parts the API's functions read (`year(published_on)` ...). */
export type DatePart = 'year' | 'month' | 'week' | 'day' | 'weekday' | 'hour' | 'minute' | 'second';

export type MatchMode = 'contains' | 'starts_with' | 'ends_with';

/**
 * The bits of SQL the data engine needs that differ per vendor. `column` arguments are already
 * quoted identifiers (`"t0"."published_on"`); results are SQL fragments with `?` placeholders.
 */
export interface SqlFragments {
	/** An integer expression: `week` is the ISO week, `weekday` 0 (Sunday) to 6. */
	datePart(part: DatePart, column: string): string;
	/** A LIKE-style match whose case sensitivity is the same on every vendor. */
	match(column: string, mode: MatchMode, caseInsensitive: boolean, value: string): { sql: string; bindings: unknown[] };
	/** The length of a text value in characters (`length`, SQL Server's `len`). */
	characterLength(column: string): string;
	/** The cheapest statement that proves the server answers (Oracle needs a table, `dual`). */
	readonly ping: string;
	/**
	 * `column IN (values)` as one parameter, on vendors that cap the placeholders of a statement
	 * below what a long `_in` list needs (SQLite: 32,766). Absent elsewhere: the values are bound one by one.
	 */
	valueList?(column: string, values: unknown[], negate: boolean): { sql: string; bindings: unknown[] };
}

/** Escapes LIKE wildcards so a user's `50%` matches the text `50%`, not anything starting with 50. */
export function likePattern(mode: MatchMode, value: string): string {
	const escaped = value.replace(/[\\%_]/g, (char) => `\\${char}`);
	if (mode === 'contains') return `%${escaped}%`;
	return mode === 'starts_with' ? `${escaped}%` : `%${escaped}`;
}

/** LIKE on vendors whose LIKE is case-sensitive (PostgreSQL, Oracle); LOWER() on both sides otherwise. */
export function standardMatch(column: string, mode: MatchMode, caseInsensitive: boolean, value: string) {
	const pattern = likePattern(mode, caseInsensitive ? value.toLowerCase() : value);
	return { sql: caseInsensitive ? `LOWER(${column}) LIKE ? ESCAPE '\\'` : `${column} LIKE ? ESCAPE '\\'`, bindings: [pattern] };
}

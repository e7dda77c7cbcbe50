/** Statements kept per connection: the data engine sends the same few shapes of SQL over and over. */
export const statementCacheSize = 500;

/**
 * A `prepare` that keeps what it made for the most recent SQL texts: SQLite's prepared
 * statements (preparing costs as much as running a small query, and a statement stays reusable:
 * SQLite prepares it again by itself after a schema change), PostgreSQL's numbered placeholders.
 */
export function cachedPrepare<Statement>(prepare: (sql: string) => Statement): (sql: string) => Statement {
	const cache = new Map<string, Statement>();
	return (sql: string) => {
		let statement = cache.get(sql);
		if (statement) cache.delete(sql);
		else statement = prepare(sql);
		cache.set(sql, statement);
		if (cache.size > statementCacheSize) cache.delete(cache.keys().next().value!);
		return statement;
	};
}

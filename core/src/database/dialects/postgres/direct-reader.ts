import type { Knex } from 'knex';
import type { DirectReader } from '../types.js';
import { cachedPrepare } from '../shared-statement-cache.js';

interface PgConnection {
	query(config: { text: string; values: unknown[] }): Promise<{ rows: Record<string, unknown>[] }>;
}

/** The parts of knex's client a direct read uses: its pool, and its own `?` to `$n` rewriting. */
interface PgClient {
	acquireConnection(): Promise<PgConnection>;
	releaseConnection(connection: PgConnection): Promise<void>;
	positionBindings(sql: string): string;
}

/**
 * Reads on a connection of knex's pool, sent to the driver directly: the placeholders are
 * numbered once per SQL text, and the pool's connection comes back as soon as the rows do.
 */
export function postgresDirectReader(knex: Knex): DirectReader {
	const client = knex.client as unknown as PgClient;
	const positioned = cachedPrepare((sql) => client.positionBindings(sql));
	return {
		async select(sql, bindings) {
			const text = positioned(sql);
			const connection = await client.acquireConnection();
			try {
				return (await connection.query({ text, values: [...bindings] })).rows;
			} finally {
				await client.releaseConnection(connection);
			}
		},
		close() {},
	};
}

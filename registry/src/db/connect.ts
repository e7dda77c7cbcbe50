import { mkdirSync } from 'node:fs';
import path from 'node:path';
import createKnex, { type Knex } from 'knex';
import type { RegistryConfig } from '../config.js';

/** The registry's own database: a SQLite file in its data folder, or PostgreSQL by configuration. */
export function connectRegistryDatabase(config: RegistryConfig['database']): Knex {
	if (config.client === 'pg') return createKnex({ client: 'pg', connection: config.connection, pool: { min: 0, max: 10 } });
	mkdirSync(path.dirname(config.filename), { recursive: true });
	return createKnex({
		client: 'better-sqlite3',
		connection: { filename: config.filename },
		useNullAsDefault: true,
		pool: {
			afterCreate: (connection: { pragma(sql: string): unknown }, done: (error: Error | null, connection: unknown) => void) => {
				connection.pragma('journal_mode = WAL');
				connection.pragma('busy_timeout = 5000');
				done(null, connection);
			},
		},
	});
}

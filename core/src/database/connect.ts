import createKnex, { type Knex } from 'knex';
import type { DatabaseConfig } from '../config/index.js';
import { dialectFor, type Dialect } from './dialects/index.js';

export interface Database {
	knex: Knex;
	dialect: Dialect;
	close(): Promise<void>;
}

/**
 * Opens the pool for the configured vendor. Drivers load lazily inside knex, so an install
 * only needs the driver of the database it talks to.
 */
export function connectDatabase(config: DatabaseConfig): Database {
	const dialect = dialectFor(config.client);
	const knex = createKnex(dialect.knexConfig(config));
	return { knex, dialect, close: () => knex.destroy() };
}

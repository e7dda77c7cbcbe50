import createKnex, { type Knex } from 'knex';
import { ConfigError, type DatabaseConfig } from '../config/index.js';
import { dialectFor, type Dialect } from './dialects/index.js';
import type { DirectReader } from './dialects/types.js';

export interface Database {
	knex: Knex;
	dialect: Dialect;
	/** Reads outside transactions straight on the driver, where the vendor offers it (see `Dialect.directReader`). */
	reader?: DirectReader;
	close(): Promise<void>;
}

/**
 * Opens the pool for the configured vendor. Drivers load lazily inside knex, so an install
 * only needs the driver of the database it talks to. A vendor Mantle cannot install on stops
 * the start here, before anything half-starts.
 */
export function connectDatabase(config: DatabaseConfig): Database {
	const dialect = dialectFor(config.client);
	if (dialect.notSupported) {
		throw new ConfigError(
			'DB_CLIENT',
			`Invalid configuration: DB_CLIENT=${config.client} is not supported yet (${dialect.notSupported}); use sqlite3, pg or mysql.`,
		);
	}
	// A failing statement's message names its SQL with `?` placeholders, never with the values filled in.
	const knex = createKnex({ ...dialect.knexConfig(config), compileSqlOnError: false });
	const reader = dialect.directReader?.(config, knex);
	return {
		knex,
		dialect,
		...(reader ? { reader } : {}),
		close: async () => {
			reader?.close();
			await knex.destroy();
		},
	};
}

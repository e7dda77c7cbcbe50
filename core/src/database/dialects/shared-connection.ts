import type { DatabaseConfig } from '../../config/index.js';

/** The connection settings a database server is reached with, named alike by the mysql2 and pg drivers. */
export function serverConnection(config: DatabaseConfig, defaultPort: number) {
	return {
		host: config.host,
		port: config.port ?? defaultPort,
		database: config.database,
		user: config.user,
		password: config.password,
	};
}

/** A database server's pool, unless configured: no connection kept while idle, ten at the most. */
export function serverPool(config: DatabaseConfig) {
	return { min: config.pool.min ?? 0, max: config.pool.max ?? 10 };
}

import { loadConfig, type Config } from '../config/index.js';
import { connectDatabase, type Database } from '../database/connect.js';

/** A command failure the user can act on: printed as-is, no stack, exit code 1. */
export class CommandError extends Error {
	override name = 'CommandError';
}

/** Runs a command body with the configured database open, and always closes it. */
export async function withDatabase<T>(run: (database: Database, config: Config) => Promise<T>): Promise<T> {
	const config = loadConfig();
	const database = connectDatabase(config.database);
	try {
		return await run(database, config);
	} finally {
		await database.close();
	}
}

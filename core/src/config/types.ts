import type { databaseClients } from './schema.js';

export type DatabaseClient = (typeof databaseClients)[number];

export interface DatabaseConfig {
	client: DatabaseClient;
	/** Absolute path of the SQLite file. */
	filename: string;
	connectionString?: string;
	host?: string;
	port?: number;
	database?: string;
	user?: string;
	password?: string;
	/** Schemas Mantle sees, in search order (PostgreSQL); unset: the server's own search path. */
	searchPath?: string[];
	pool: { min?: number; max?: number };
	/** How long SQLite waits for a lock before failing, in milliseconds. */
	busyTimeout: number;
}

export interface StorageLocationConfig {
	name: string;
	driver: string;
	/** Every `STORAGE_<NAME>_<KEY>` variable, keyed by `<KEY>` in lower camel case. */
	options: Record<string, string>;
}

export interface Config {
	port: number;
	host: string;
	publicUrl: string;
	secret: string;
	/** True when no SECRET was configured and one was made up for this process. */
	secretGenerated: boolean;
	database: DatabaseConfig;
	redis?: string;
	cacheEnabled: boolean;
	storage: { locations: StorageLocationConfig[] };
	extensions: {
		path: string;
		registry?: string;
		/** Limits of each sandboxed extension: heap in MiB, wall-clock per call in ms, crashes before it is failed. */
		sandbox: { memoryMb: number; timeoutMs: number; maxCrashes: number; allowPrivateNetwork: boolean };
	};
	admin: { email?: string; password?: string; token?: string };
	logLevel: string;
	maxPayloadBytes: number;
	shutdownTimeoutMs: number;
	/** Health checks slower than this report `warn`, in milliseconds. */
	healthcheckThresholdMs: number;
	/** A health check with no answer by then reports `error`, in milliseconds. */
	healthcheckTimeoutMs: number;
	/** The validated environment, for extensions' allow-listed `env` access. */
	env: Readonly<Record<string, string>>;
}

import path from 'node:path';
import Joi from 'joi';

export interface RegistryConfig {
	port: number;
	host: string;
	/** Where the database file (SQLite), the signing keys and the local tarball store live. */
	dataDir: string;
	/** The address clients reach it at, written into tarball URLs; defaults to http://host:port. */
	publicUrl?: string;
	database: { client: 'better-sqlite3'; filename: string } | { client: 'pg'; connection: string };
	/** A storage location for tarballs, as core's drivers take it. */
	storage: { name: string; driver: string; options: Record<string, string> };
	/** How long after publishing a version may still be unpublished. */
	unpublishWindowMs: number;
}

const schema = Joi.object({
	REGISTRY_PORT: Joi.number().integer().min(0).max(65535).default(4873),
	REGISTRY_HOST: Joi.string().hostname().default('127.0.0.1'),
	REGISTRY_DATA: Joi.string().default('./data/registry'),
	REGISTRY_PUBLIC_URL: Joi.string().uri({ scheme: ['http', 'https'] }),
	REGISTRY_DB_CONNECTION_STRING: Joi.string().uri({ scheme: ['postgres', 'postgresql'] }),
	REGISTRY_STORAGE_DRIVER: Joi.string().valid('local', 's3', 'azure').default('local'),
	REGISTRY_UNPUBLISH_WINDOW_HOURS: Joi.number().min(0).default(72),
}).unknown(true);

export class RegistryConfigError extends Error {}

/** Reads REGISTRY_* variables; a bad one stops the start with a message naming it. */
export function loadRegistryConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): RegistryConfig {
	const { value: v, error } = schema.validate(env, { errors: { wrap: { label: false } } });
	if (error) throw new RegistryConfigError(`Invalid configuration: ${error.details[0]!.message}.`);
	const dataDir = path.resolve(cwd, v.REGISTRY_DATA);
	const storageOptions: Record<string, string> = {};
	for (const [key, value] of Object.entries(env)) {
		const match = /^REGISTRY_STORAGE_(?!DRIVER$)(\w+)$/.exec(key);
		if (match && value !== undefined) storageOptions[match[1]!.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())] = value;
	}
	if (v.REGISTRY_STORAGE_DRIVER === 'local') storageOptions.root = path.resolve(dataDir, storageOptions.root ?? 'tarballs');
	return {
		port: v.REGISTRY_PORT,
		host: v.REGISTRY_HOST,
		dataDir,
		publicUrl: v.REGISTRY_PUBLIC_URL?.replace(/\/+$/, ''),
		database: v.REGISTRY_DB_CONNECTION_STRING
			? { client: 'pg', connection: v.REGISTRY_DB_CONNECTION_STRING }
			: { client: 'better-sqlite3', filename: path.join(dataDir, 'registry.db') },
		storage: { name: 'registry', driver: v.REGISTRY_STORAGE_DRIVER, options: storageOptions },
		unpublishWindowMs: v.REGISTRY_UNPUBLISH_WINDOW_HOURS * 3_600_000,
	};
}

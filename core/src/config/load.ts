import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import dotenv from 'dotenv';
import { environmentSchema, isSecretVariable } from './schema.js';
import type { Config, DatabaseClient, StorageLocationConfig } from './types.js';
import { authConfig, emailConfig, rateLimiterConfig } from './auth.js';
import { abuseConfig } from './abuse.js';
import { flowsConfig } from './flows.js';
import { registryClientConfig } from './registry.js';
import { graphqlConfig } from './graphql.js';
import { metricsConfig } from './metrics.js';
import { cacheConfig } from './cache.js';
import { realtimeConfig } from './realtime.js';

/** A configuration that cannot start Mantle. Its message names the variable and what it expects. */
export class ConfigError extends Error {
	constructor(
		readonly variable: string,
		message: string,
	) {
		super(message);
		this.name = 'ConfigError';
	}
}

export interface LoadConfigOptions {
	env?: NodeJS.ProcessEnv;
	/** Folder that holds `.env` and against which relative paths resolve. */
	cwd?: string;
}

/**
 * Reads `.env` (if present) under the process environment, which wins, validates everything at
 * once and returns a typed configuration. Nothing is written back into `process.env`.
 */
export function loadConfig({ env = process.env, cwd = process.cwd() }: LoadConfigOptions = {}): Config {
	const envFile = path.resolve(cwd, env.CONFIG_PATH ?? '.env');
	const fromFile = existsSync(envFile) ? dotenv.parse(readFileSync(envFile)) : {};
	const raw: Record<string, string> = { ...fromFile };
	for (const [key, value] of Object.entries(env)) if (value !== undefined) raw[key] = value;

	const { value: v, error } = environmentSchema.validate(raw, { abortEarly: true, convert: true, errors: { wrap: { label: false } } });
	if (error) {
		const detail = error.details[0]!;
		const variable = String(detail.path[0]);
		const got = isSecretVariable(variable) || raw[variable] === undefined ? '' : ` (got ${JSON.stringify(raw[variable])})`;
		throw new ConfigError(variable, `Invalid configuration: ${detail.message}${got}.`);
	}

	const resolve = (p: string) => path.resolve(cwd, p);
	const publicUrl = (v.PUBLIC_URL ?? `http://localhost:${v.PORT}`).replace(/\/+$/, '');
	const secret = v.SECRET ?? randomBytes(32).toString('base64url');

	return {
		port: v.PORT,
		host: v.HOST,
		publicUrl,
		secret,
		secretGenerated: v.SECRET === undefined,
		database: {
			client: v.DB_CLIENT as DatabaseClient,
			filename: resolve(v.DB_FILENAME),
			connectionString: v.DB_CONNECTION_STRING,
			host: v.DB_HOST,
			port: v.DB_PORT,
			database: v.DB_DATABASE,
			user: v.DB_USER,
			password: v.DB_PASSWORD,
			searchPath: v.DB_SEARCH_PATH
				? String(v.DB_SEARCH_PATH)
						.split(',')
						.map((s) => s.trim())
				: undefined,
			pool: { min: v.DB_POOL_MIN, max: v.DB_POOL_MAX },
			busyTimeout: v.DB_BUSY_TIMEOUT,
			readThreads: v.DB_READ_THREADS ?? defaultReadThreads(),
		},
		redis: v.REDIS,
		cacheEnabled: v.CACHE_ENABLED,
		storage: { locations: storageLocations(String(v.STORAGE_LOCATIONS), raw, resolve) },
		files: {
			maxUploadBytes: v.FILES_MAX_UPLOAD_SIZE === undefined ? undefined : parseByteSize(String(v.FILES_MAX_UPLOAD_SIZE)),
			mimeTypeAllowList: String(v.FILES_MIME_TYPE_ALLOW_LIST)
				.split(',')
				.map((type) => type.trim().toLowerCase()),
			importAllowPrivateNetwork: v.FILES_IMPORT_ALLOW_PRIVATE_NETWORK,
		},
		assets: {
			cacheTtlSeconds: Math.floor(parseDuration(String(v.ASSETS_CACHE_TTL)) / 1000),
			transformMaxConcurrent: v.ASSETS_TRANSFORM_MAX_CONCURRENT,
			maxDimension: v.ASSETS_TRANSFORM_IMAGE_MAX_DIMENSION,
			transformTimeoutMs: parseDuration(String(v.ASSETS_TRANSFORM_TIMEOUT)),
		},
		extensions: {
			path: resolve(v.EXTENSIONS_PATH),
			registry: v.EXTENSIONS_REGISTRY,
			sandbox: {
				memoryMb: v.EXTENSIONS_SANDBOX_MEMORY,
				timeoutMs: v.EXTENSIONS_SANDBOX_TIMEOUT,
				maxCrashes: v.EXTENSIONS_SANDBOX_MAX_CRASHES,
				allowPrivateNetwork: v.EXTENSIONS_SANDBOX_ALLOW_PRIVATE_NETWORK,
			},
		},
		admin: { email: v.ADMIN_EMAIL, password: v.ADMIN_PASSWORD, token: v.ADMIN_TOKEN },
		query: { defaultLimit: v.QUERY_LIMIT_DEFAULT, maxLimit: v.QUERY_LIMIT_MAX, maxDepth: v.QUERY_MAX_DEPTH },
		logLevel: v.LOG_LEVEL,
		maxPayloadBytes: parseByteSize(String(v.MAX_PAYLOAD_SIZE)),
		shutdownTimeoutMs: v.SHUTDOWN_TIMEOUT,
		heapGrowthPercent: v.HEAP_GROWTH_PERCENT,
		healthcheckThresholdMs: v.HEALTHCHECK_THRESHOLD,
		healthcheckTimeoutMs: v.HEALTHCHECK_TIMEOUT,
		env: Object.freeze(raw),
		auth: authConfig(v, raw, parseDuration, configFailure),
		email: emailConfig(v),
		rateLimiter: rateLimiterConfig(v, configFailure),
		abuse: abuseConfig(v),
		flows: flowsConfig(v),
		registry: registryClientConfig(v),
		graphql: graphqlConfig(v),
		metrics: metricsConfig(v),
		cache: cacheConfig(v, { duration: parseDuration, byteSize: parseByteSize }, configFailure),
		realtime: realtimeConfig(v, { duration: parseDuration, byteSize: parseByteSize }, configFailure),
	};
}

/** A read thread per CPU, at most four: SQLite's slow reads then use every core the server has. */
function defaultReadThreads(): number {
	return Math.min(4, os.availableParallelism());
}

function configFailure(variable: string, message: string): never {
	throw new ConfigError(variable, message);
}

function storageLocations(list: string, raw: Record<string, string>, resolve: (p: string) => string): StorageLocationConfig[] {
	return list.split(',').map((name) => {
		const trimmed = name.trim();
		const prefix = `STORAGE_${trimmed.toUpperCase()}_`;
		const options: Record<string, string> = {};
		for (const [key, value] of Object.entries(raw)) {
			if (key.startsWith(prefix)) options[camelCase(key.slice(prefix.length))] = value;
		}
		const driver = options.driver ?? (trimmed === 'local' ? 'local' : undefined);
		if (!driver) {
			throw new ConfigError(
				`${prefix}DRIVER`,
				`Invalid configuration: ${prefix}DRIVER is required for the storage location "${trimmed}" listed in STORAGE_LOCATIONS.`,
			);
		}
		delete options.driver;
		if (driver === 'local') options.root = resolve(options.root ?? `./data/uploads${trimmed === 'local' ? '' : `/${trimmed}`}`);
		return { name: trimmed, driver, options };
	});
}

function camelCase(key: string): string {
	return key.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

const units: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

export function parseByteSize(size: string): number {
	const match = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(size.trim());
	if (!match) throw new TypeError(`Not a byte size: ${size}`);
	return Math.floor(Number(match[1]) * units[(match[2] ?? 'b').toLowerCase()]!);
}

const durationUnits: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** A duration in milliseconds; a bare number is milliseconds, as in Directus' `ms`-style values. */
export function parseDuration(duration: string): number {
	const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)?$/i.exec(duration.trim());
	if (!match) throw new TypeError(`Not a duration: ${duration}`);
	return Math.floor(Number(match[1]) * durationUnits[(match[2] ?? 'ms').toLowerCase()]!);
}

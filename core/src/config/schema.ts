import Joi from 'joi';
import { abuseVariables } from './abuse.js';
import { flowsVariables } from './flows.js';
import { registryVariables } from './registry.js';
import { graphqlVariables } from './graphql.js';
import { metricsVariables } from './metrics.js';
import { cacheVariables } from './cache.js';
import { realtimeVariables } from './realtime.js';

/** Accepted `DB_CLIENT` values, Directus spellings first; each maps to one dialect. */
export const databaseClients = ['sqlite3', 'better-sqlite3', 'pg', 'postgres', 'mysql', 'mysql2', 'mariadb', 'mssql', 'oracledb'] as const;

const port = Joi.number().integer().min(0).max(65535).messages({
	'number.base': '{{#label}} must be a port number between 0 and 65535',
	'number.integer': '{{#label}} must be a port number between 0 and 65535',
	'number.min': '{{#label}} must be a port number between 0 and 65535',
	'number.max': '{{#label}} must be a port number between 0 and 65535',
});
const flag = Joi.boolean().truthy('1', 'yes', 'on').falsy('0', 'no', 'off', '');
const count = (min: number) => Joi.number().integer().min(min).messages({ 'number.base': '{{#label}} must be a whole number' });
const byteSize = Joi.string()
	.pattern(/^\d+(\.\d+)?\s*(b|kb|mb|gb)?$/i)
	.messages({
		'string.pattern.base': '{{#label}} must be a size such as 1048576, 512kb or 10mb',
	});
const duration = Joi.string()
	.pattern(/^\d+(\.\d+)?\s*(ms|s|m|h|d|w)?$/i)
	.messages({
		'string.pattern.base': '{{#label}} must be a duration such as 7500, 7500ms, 30s, 10m, 2h or 30d',
	});
const isNetworkClient = (value: unknown) => Joi.valid('pg', 'postgres', 'mysql', 'mysql2', 'mariadb', 'mssql', 'oracledb').validate(value).error === undefined;

/**
 * The environment Mantle reads, validated as a whole before anything starts. Variables not
 * listed here pass through untouched (extensions and drivers read their own).
 */
export const environmentSchema = Joi.object({
	PORT: port.default(8055),
	HOST: Joi.string().hostname().default('0.0.0.0'),
	PUBLIC_URL: Joi.string().uri({ scheme: ['http', 'https'] }),
	SECRET: Joi.string().min(16).messages({ 'string.min': '{{#label}} must be at least 16 characters long' }),

	DB_CLIENT: Joi.string()
		.valid(...databaseClients)
		.default('sqlite3'),
	DB_FILENAME: Joi.string().default('./data/mantle.db'),
	DB_CONNECTION_STRING: Joi.string(),
	DB_HOST: Joi.string().when('DB_CONNECTION_STRING', {
		is: Joi.exist(),
		otherwise: Joi.when('DB_CLIENT', {
			is: Joi.custom((value, helpers) => (isNetworkClient(value) ? value : helpers.error('any.invalid'))),
			then: Joi.required().messages({ 'any.required': '{{#label}} is required when DB_CLIENT is a network database (or set DB_CONNECTION_STRING)' }),
		}),
	}),
	DB_PORT: port,
	DB_DATABASE: Joi.string(),
	DB_USER: Joi.string(),
	DB_PASSWORD: Joi.string().allow(''),
	DB_SEARCH_PATH: Joi.string()
		.pattern(/^[\w$]+(\s*,\s*[\w$]+)*$/)
		.messages({
			'string.pattern.base': '{{#label}} must be a comma-separated list of schema names',
		}),
	DB_POOL_MIN: count(0),
	DB_POOL_MAX: count(1),
	DB_BUSY_TIMEOUT: count(0).default(5000),
	DB_READ_THREADS: count(0).max(64),

	REDIS: Joi.string().uri({ scheme: ['redis', 'rediss'] }),
	CACHE_ENABLED: flag.default(false),

	STORAGE_LOCATIONS: Joi.string()
		.pattern(/^[a-z][a-z0-9_]*(\s*,\s*[a-z][a-z0-9_]*)*$/i)
		.default('local')
		.messages({
			'string.pattern.base': '{{#label}} must be a comma-separated list of location names',
		}),

	FILES_MAX_UPLOAD_SIZE: byteSize,
	FILES_MIME_TYPE_ALLOW_LIST: Joi.string()
		.pattern(/^\s*[\w.+*-]+\/[\w.+*-]+(\s*,\s*[\w.+*-]+\/[\w.+*-]+)*\s*$/)
		.default('*/*')
		.messages({
			'string.pattern.base': '{{#label}} must be a comma-separated list of MIME types such as image/*,application/pdf',
		}),
	FILES_IMPORT_ALLOW_PRIVATE_NETWORK: flag.default(false),

	ASSETS_CACHE_TTL: duration.default('30d'),
	ASSETS_TRANSFORM_MAX_CONCURRENT: count(1).default(25),
	ASSETS_TRANSFORM_IMAGE_MAX_DIMENSION: count(1).default(6000),
	ASSETS_TRANSFORM_TIMEOUT: duration.default('7500ms'),

	EXTENSIONS_PATH: Joi.string().default('./data/extensions'),
	EXTENSIONS_REGISTRY: Joi.string().uri({ scheme: ['http', 'https'] }),
	EXTENSIONS_SANDBOX_MEMORY: count(8).default(64),
	EXTENSIONS_SANDBOX_TIMEOUT: count(1).default(5000),
	EXTENSIONS_SANDBOX_MAX_CRASHES: count(1).default(3),
	EXTENSIONS_SANDBOX_ALLOW_PRIVATE_NETWORK: flag.default(false),

	ADMIN_EMAIL: Joi.string().email({ tlds: false }),
	ADMIN_PASSWORD: Joi.string().min(8).messages({ 'string.min': '{{#label}} must be at least 8 characters long' }),
	ADMIN_TOKEN: Joi.string().min(16).messages({ 'string.min': '{{#label}} must be at least 16 characters long' }),

	ACCESS_TOKEN_TTL: duration.default('15m'),
	REFRESH_TOKEN_TTL: duration.default('7d'),
	REFRESH_TOKEN_REUSE_GRACE: duration.default('10s'),
	REFRESH_TOKEN_COOKIE_NAME: Joi.string().token().default('directus_refresh_token'),
	REFRESH_TOKEN_COOKIE_SECURE: flag.default(false),
	REFRESH_TOKEN_COOKIE_SAME_SITE: Joi.string().valid('lax', 'strict', 'none').insensitive().default('lax'),
	REFRESH_TOKEN_COOKIE_DOMAIN: Joi.string().hostname(),
	SESSION_COOKIE_NAME: Joi.string().token().default('directus_session_token'),
	SESSION_COOKIE_TTL: duration.default('1d'),
	SESSION_COOKIE_SECURE: flag.default(false),
	SESSION_COOKIE_SAME_SITE: Joi.string().valid('lax', 'strict', 'none').insensitive().default('lax'),
	SESSION_COOKIE_DOMAIN: Joi.string().hostname(),
	LOGIN_ATTEMPTS: count(0).default(25),
	PASSWORD_RESET_URL_ALLOW_LIST: Joi.string().allow('').default(''),
	USER_INVITE_URL_ALLOW_LIST: Joi.string().allow('').default(''),
	AUTH_PROVIDERS: Joi.string()
		.allow('')
		.pattern(/^\s*([a-z][a-z0-9_]*(\s*,\s*[a-z][a-z0-9_]*)*)?\s*$/i)
		.default('')
		.messages({
			'string.pattern.base': '{{#label}} must be a comma-separated list of provider names',
		}),

	EMAIL_TRANSPORT: Joi.string().valid('smtp', 'sendmail').default('smtp'),
	EMAIL_FROM: Joi.string().default('no-reply@example.com'),
	EMAIL_SMTP_HOST: Joi.string(),
	EMAIL_SMTP_PORT: port.default(587),
	EMAIL_SMTP_USER: Joi.string(),
	EMAIL_SMTP_PASSWORD: Joi.string().allow(''),
	EMAIL_SMTP_SECURE: flag.default(false),
	EMAIL_SMTP_IGNORE_TLS: flag.default(false),

	RATE_LIMITER_ENABLED: flag.default(false),
	RATE_LIMITER_POINTS: count(1).default(50),
	RATE_LIMITER_DURATION: count(1).default(1),
	RATE_LIMITER_STORE: Joi.string().valid('memory', 'redis').default('memory'),
	RATE_LIMITER_KEY_PREFIX: Joi.string().default('mantle-rate-limit'),

	QUERY_LIMIT_DEFAULT: count(1).default(100),
	QUERY_LIMIT_MAX: Joi.number()
		.integer()
		.min(-1)
		.invalid(0)
		.default(-1)
		.messages({ 'number.base': '{{#label}} must be a whole number, or -1 for no cap', 'any.invalid': '{{#label}} must be at least 1, or -1 for no cap' }),
	/** Relations one query may go through (`fields`, `deep`, `filter`, `sort` paths); deeper answers INVALID_QUERY. */
	QUERY_MAX_DEPTH: count(1).default(8),

	LOG_LEVEL: Joi.string().valid('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent').default('info'),
	MAX_PAYLOAD_SIZE: byteSize.default('1mb'),
	SHUTDOWN_TIMEOUT: count(0).default(10_000),
	/** How far the JavaScript heap may grow past what survived its last full collection, in percent; 0: V8's own choice. */
	HEAP_GROWTH_PERCENT: count(0).max(300).default(50),
	HEALTHCHECK_THRESHOLD: count(0).default(150),
	HEALTHCHECK_TIMEOUT: count(1).default(5000),
	...abuseVariables,
	...flowsVariables,
	...registryVariables,
	...graphqlVariables,
	...metricsVariables,
	...cacheVariables,
	...realtimeVariables,
}).unknown(true);

/** Values never echoed back in a configuration error or a log line. */
export function isSecretVariable(name: string): boolean {
	return /(SECRET|PASSWORD|TOKEN|_KEY$|CONNECTION_STRING)/.test(name);
}

export { loadConfig, ConfigError, parseByteSize, parseDuration, type LoadConfigOptions } from './load.js';
export { isSecretVariable, databaseClients } from './schema.js';
export type { Config, DatabaseConfig, DatabaseClient, StorageLocationConfig } from './types.js';
export type { AuthConfig, AuthProviderConfig, CookieConfig, EmailConfig, RateLimiterConfig } from './types.js';

export { loadConfig, ConfigError, parseByteSize, type LoadConfigOptions } from './load.js';
export { isSecretVariable, databaseClients } from './schema.js';
export type { Config, DatabaseConfig, DatabaseClient, StorageLocationConfig } from './types.js';

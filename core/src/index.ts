export { loadConfig, ConfigError, type Config } from './config/index.js';
export { createLogger } from './logger.js';
export { createKernel, type Kernel } from './kernel.js';
export { connectDatabase, type Database } from './database/connect.js';
export { bootstrap, type BootstrapResult } from './database/bootstrap.js';
export { migrateLatest, migrateDown, migrateRollbackAll } from './database/migrate.js';
export { MantleError, createError, errorCatalogue, type ErrorCode } from './errors/index.js';
export { kernelVersion } from './version.js';
export { createStorage, isObjectNotFound, type Storage, type StorageDriver } from './storage/index.js';

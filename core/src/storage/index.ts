export { createStorage } from './locations.js';
export { isObjectNotFound } from './keys.js';
export type { ByteRange, Storage, StorageDriver, StoredObjectInfo } from './types.js';

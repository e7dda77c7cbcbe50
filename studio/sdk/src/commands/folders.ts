import { createMany, createOne, deleteMany, deleteOne, readMany, readOne, updateMany, updateOne, type Key, type SystemItem } from './crud.js';
import type { Query } from '../schema.js';

const path = '/folders';

export const readFolders = (query?: Query) => readMany<SystemItem>(path, query);
export const readFolder = (key: Key, query?: Query) => readOne<SystemItem>(path, key, query);
export const createFolder = (item: SystemItem, query?: Query) => createOne<SystemItem>(path, item, query);
export const createFolders = (items: SystemItem[], query?: Query) => createMany<SystemItem>(path, items, query);
export const updateFolder = (key: Key, item: SystemItem, query?: Query) => updateOne<SystemItem>(path, key, item, query);
export const updateFolders = (keysOrQuery: Key[] | Query, item: SystemItem, query?: Query) => updateMany<SystemItem>(path, keysOrQuery, item, query);
export const deleteFolder = (key: Key) => deleteOne(path, key);
export const deleteFolders = (keysOrQuery: Key[] | Query) => deleteMany(path, keysOrQuery);

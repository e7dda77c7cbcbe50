import { createMany, createOne, deleteMany, deleteOne, readMany, readOne, updateMany, updateOne, type Key, type SystemItem } from './crud.js';
import type { Query } from '../schema.js';

const path = '/operations';

export const readOperations = (query?: Query) => readMany<SystemItem>(path, query);
export const readOperation = (key: Key, query?: Query) => readOne<SystemItem>(path, key, query);
export const createOperation = (item: SystemItem, query?: Query) => createOne<SystemItem>(path, item, query);
export const createOperations = (items: SystemItem[], query?: Query) => createMany<SystemItem>(path, items, query);
export const updateOperation = (key: Key, item: SystemItem, query?: Query) => updateOne<SystemItem>(path, key, item, query);
export const updateOperations = (keysOrQuery: Key[] | Query, item: SystemItem, query?: Query) => updateMany<SystemItem>(path, keysOrQuery, item, query);
export const deleteOperation = (key: Key) => deleteOne(path, key);
export const deleteOperations = (keysOrQuery: Key[] | Query) => deleteMany(path, keysOrQuery);

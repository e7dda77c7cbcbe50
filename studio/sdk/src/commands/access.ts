import { createMany, createOne, deleteMany, deleteOne, readMany, readOne, updateMany, updateOne, type Key, type SystemItem } from './crud.js';
import type { Query } from '../schema.js';

const path = '/access';

export const readAccessItems = (query?: Query) => readMany<SystemItem>(path, query);
export const readAccess = (key: Key, query?: Query) => readOne<SystemItem>(path, key, query);
export const createAccess = (item: SystemItem, query?: Query) => createOne<SystemItem>(path, item, query);
export const createAccessItems = (items: SystemItem[], query?: Query) => createMany<SystemItem>(path, items, query);
export const updateAccess = (key: Key, item: SystemItem, query?: Query) => updateOne<SystemItem>(path, key, item, query);
export const updateAccessItems = (keysOrQuery: Key[] | Query, item: SystemItem, query?: Query) => updateMany<SystemItem>(path, keysOrQuery, item, query);
export const deleteAccess = (key: Key) => deleteOne(path, key);
export const deleteAccessItems = (keysOrQuery: Key[] | Query) => deleteMany(path, keysOrQuery);

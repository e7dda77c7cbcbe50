import { createMany, createOne, deleteMany, deleteOne, readMany, readOne, updateMany, updateOne, type Key, type SystemItem } from './crud.js';
import type { Query } from '../schema.js';

const path = '/roles';

export const readRoles = (query?: Query) => readMany<SystemItem>(path, query);
export const readRole = (key: Key, query?: Query) => readOne<SystemItem>(path, key, query);
export const createRole = (item: SystemItem, query?: Query) => createOne<SystemItem>(path, item, query);
export const createRoles = (items: SystemItem[], query?: Query) => createMany<SystemItem>(path, items, query);
export const updateRole = (key: Key, item: SystemItem, query?: Query) => updateOne<SystemItem>(path, key, item, query);
export const updateRoles = (keysOrQuery: Key[] | Query, item: SystemItem, query?: Query) => updateMany<SystemItem>(path, keysOrQuery, item, query);
export const deleteRole = (key: Key) => deleteOne(path, key);
export const deleteRoles = (keysOrQuery: Key[] | Query) => deleteMany(path, keysOrQuery);

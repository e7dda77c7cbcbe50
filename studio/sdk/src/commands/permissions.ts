import { createMany, createOne, deleteMany, deleteOne, readMany, readOne, updateMany, updateOne, type Key, type SystemItem } from './crud.js';
import { command } from '../command.js';
import type { Query } from '../schema.js';

const path = '/permissions';

export const readPermissions = (query?: Query) => readMany<SystemItem>(path, query);
export const readPermission = (key: Key, query?: Query) => readOne<SystemItem>(path, key, query);
export const createPermission = (item: SystemItem, query?: Query) => createOne<SystemItem>(path, item, query);
export const createPermissions = (items: SystemItem[], query?: Query) => createMany<SystemItem>(path, items, query);
export const updatePermission = (key: Key, item: SystemItem, query?: Query) => updateOne<SystemItem>(path, key, item, query);
export const updatePermissions = (keysOrQuery: Key[] | Query, item: SystemItem, query?: Query) => updateMany<SystemItem>(path, keysOrQuery, item, query);
export const deletePermission = (key: Key) => deleteOne(path, key);
export const deletePermissions = (keysOrQuery: Key[] | Query) => deleteMany(path, keysOrQuery);

/** The caller's own permissions, per collection and action. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the summary's shape varies per collection and action
export const readUserPermissions = () => command<Record<string, any>>({ method: 'GET', path: '/permissions/me' });

import { createMany, createOne, deleteMany, deleteOne, readMany, readOne, updateMany, updateOne, type Key, type SystemItem } from './crud.js';
import type { Query } from '../schema.js';

const path = '/dashboards';

export const readDashboards = (query?: Query) => readMany<SystemItem>(path, query);
export const readDashboard = (key: Key, query?: Query) => readOne<SystemItem>(path, key, query);
export const createDashboard = (item: SystemItem, query?: Query) => createOne<SystemItem>(path, item, query);
export const createDashboards = (items: SystemItem[], query?: Query) => createMany<SystemItem>(path, items, query);
export const updateDashboard = (key: Key, item: SystemItem, query?: Query) => updateOne<SystemItem>(path, key, item, query);
export const updateDashboards = (keysOrQuery: Key[] | Query, item: SystemItem, query?: Query) => updateMany<SystemItem>(path, keysOrQuery, item, query);
export const deleteDashboard = (key: Key) => deleteOne(path, key);
export const deleteDashboards = (keysOrQuery: Key[] | Query) => deleteMany(path, keysOrQuery);

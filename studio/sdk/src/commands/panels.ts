import { createMany, createOne, deleteMany, deleteOne, readMany, readOne, updateMany, updateOne, type Key, type SystemItem } from './crud.js';
import type { Query } from '../schema.js';

const path = '/panels';

export const readPanels = (query?: Query) => readMany<SystemItem>(path, query);
export const readPanel = (key: Key, query?: Query) => readOne<SystemItem>(path, key, query);
export const createPanel = (item: SystemItem, query?: Query) => createOne<SystemItem>(path, item, query);
export const createPanels = (items: SystemItem[], query?: Query) => createMany<SystemItem>(path, items, query);
export const updatePanel = (key: Key, item: SystemItem, query?: Query) => updateOne<SystemItem>(path, key, item, query);
export const updatePanels = (keysOrQuery: Key[] | Query, item: SystemItem, query?: Query) => updateMany<SystemItem>(path, keysOrQuery, item, query);
export const deletePanel = (key: Key) => deleteOne(path, key);
export const deletePanels = (keysOrQuery: Key[] | Query) => deleteMany(path, keysOrQuery);

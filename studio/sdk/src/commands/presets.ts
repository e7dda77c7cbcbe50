import { createMany, createOne, deleteMany, deleteOne, readMany, readOne, updateMany, updateOne, type Key, type SystemItem } from './crud.js';
import type { Query } from '../schema.js';

const path = '/presets';

export const readPresets = (query?: Query) => readMany<SystemItem>(path, query);
export const readPreset = (key: Key, query?: Query) => readOne<SystemItem>(path, key, query);
export const createPreset = (item: SystemItem, query?: Query) => createOne<SystemItem>(path, item, query);
export const createPresets = (items: SystemItem[], query?: Query) => createMany<SystemItem>(path, items, query);
export const updatePreset = (key: Key, item: SystemItem, query?: Query) => updateOne<SystemItem>(path, key, item, query);
export const updatePresets = (keysOrQuery: Key[] | Query, item: SystemItem, query?: Query) => updateMany<SystemItem>(path, keysOrQuery, item, query);
export const deletePreset = (key: Key) => deleteOne(path, key);
export const deletePresets = (keysOrQuery: Key[] | Query) => deleteMany(path, keysOrQuery);

import { createMany, createOne, deleteMany, deleteOne, readMany, readOne, updateMany, updateOne, type Key, type SystemItem } from './crud.js';
import type { Query } from '../schema.js';

const path = '/translations';

export const readTranslations = (query?: Query) => readMany<SystemItem>(path, query);
export const readTranslation = (key: Key, query?: Query) => readOne<SystemItem>(path, key, query);
export const createTranslation = (item: SystemItem, query?: Query) => createOne<SystemItem>(path, item, query);
export const createTranslations = (items: SystemItem[], query?: Query) => createMany<SystemItem>(path, items, query);
export const updateTranslation = (key: Key, item: SystemItem, query?: Query) => updateOne<SystemItem>(path, key, item, query);
export const updateTranslations = (keysOrQuery: Key[] | Query, item: SystemItem, query?: Query) => updateMany<SystemItem>(path, keysOrQuery, item, query);
export const deleteTranslation = (key: Key) => deleteOne(path, key);
export const deleteTranslations = (keysOrQuery: Key[] | Query) => deleteMany(path, keysOrQuery);

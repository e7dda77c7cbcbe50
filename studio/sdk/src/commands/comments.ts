import { createMany, createOne, deleteMany, deleteOne, readMany, readOne, updateMany, updateOne, type Key, type SystemItem } from './crud.js';
import type { Query } from '../schema.js';

const path = '/comments';

export const readComments = (query?: Query) => readMany<SystemItem>(path, query);
export const readComment = (key: Key, query?: Query) => readOne<SystemItem>(path, key, query);
export const createComment = (item: SystemItem, query?: Query) => createOne<SystemItem>(path, item, query);
export const createComments = (items: SystemItem[], query?: Query) => createMany<SystemItem>(path, items, query);
export const updateComment = (key: Key, item: SystemItem, query?: Query) => updateOne<SystemItem>(path, key, item, query);
export const updateComments = (keysOrQuery: Key[] | Query, item: SystemItem, query?: Query) => updateMany<SystemItem>(path, keysOrQuery, item, query);
export const deleteComment = (key: Key) => deleteOne(path, key);
export const deleteComments = (keysOrQuery: Key[] | Query) => deleteMany(path, keysOrQuery);

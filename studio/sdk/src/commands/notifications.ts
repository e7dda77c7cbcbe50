import { createMany, createOne, deleteMany, deleteOne, readMany, readOne, updateMany, updateOne, type Key, type SystemItem } from './crud.js';
import type { Query } from '../schema.js';

const path = '/notifications';

export const readNotifications = (query?: Query) => readMany<SystemItem>(path, query);
export const readNotification = (key: Key, query?: Query) => readOne<SystemItem>(path, key, query);
export const createNotification = (item: SystemItem, query?: Query) => createOne<SystemItem>(path, item, query);
export const createNotifications = (items: SystemItem[], query?: Query) => createMany<SystemItem>(path, items, query);
export const updateNotification = (key: Key, item: SystemItem, query?: Query) => updateOne<SystemItem>(path, key, item, query);
export const updateNotifications = (keysOrQuery: Key[] | Query, item: SystemItem, query?: Query) => updateMany<SystemItem>(path, keysOrQuery, item, query);
export const deleteNotification = (key: Key) => deleteOne(path, key);
export const deleteNotifications = (keysOrQuery: Key[] | Query) => deleteMany(path, keysOrQuery);

import { createMany, createOne, deleteMany, deleteOne, readMany, readOne, updateMany, updateOne, type Key, type SystemItem } from './crud.js';
import { command, segment } from '../command.js';
import type { Query } from '../schema.js';

const path = '/versions';

export const readContentVersions = (query?: Query) => readMany<SystemItem>(path, query);
export const readContentVersion = (key: Key, query?: Query) => readOne<SystemItem>(path, key, query);
export const createContentVersion = (item: SystemItem, query?: Query) => createOne<SystemItem>(path, item, query);
export const createContentVersions = (items: SystemItem[], query?: Query) => createMany<SystemItem>(path, items, query);
export const updateContentVersion = (key: Key, item: SystemItem, query?: Query) => updateOne<SystemItem>(path, key, item, query);
export const updateContentVersions = (keysOrQuery: Key[] | Query, item: SystemItem, query?: Query) => updateMany<SystemItem>(path, keysOrQuery, item, query);
export const deleteContentVersion = (key: Key) => deleteOne(path, key);
export const deleteContentVersions = (keysOrQuery: Key[] | Query) => deleteMany(path, keysOrQuery);

/** Saves changes into a content version without touching the main item. */
export const saveToContentVersion = (id: Key, changes: SystemItem) =>
	command<SystemItem>({ method: 'POST', path: `/versions/${segment(id)}/save`, body: changes });
/** The version's changes beside the main item's current values. */
export const compareContentVersion = (id: Key) =>
	command<{ outdated: boolean; mainHash: string; current: SystemItem; main: SystemItem }>({ method: 'GET', path: `/versions/${segment(id)}/compare` });
/** Applies the version to the main item (`mainHash` from compare guards against lost updates; `fields` picks some). */
export const promoteContentVersion = (id: Key, mainHash: string, fields?: string[]) =>
	command<Key>({ method: 'POST', path: `/versions/${segment(id)}/promote`, body: { mainHash, ...(fields ? { fields } : {}) } });

import { createMany, createOne, deleteMany, deleteOne, readMany, readOne, updateMany, updateOne, type Key, type SystemItem } from './crud.js';
import { command, segment } from '../command.js';
import type { Query } from '../schema.js';

const path = '/shares';

export const readShares = (query?: Query) => readMany<SystemItem>(path, query);
export const readShare = (key: Key, query?: Query) => readOne<SystemItem>(path, key, query);
export const createShare = (item: SystemItem, query?: Query) => createOne<SystemItem>(path, item, query);
export const createShares = (items: SystemItem[], query?: Query) => createMany<SystemItem>(path, items, query);
export const updateShare = (key: Key, item: SystemItem, query?: Query) => updateOne<SystemItem>(path, key, item, query);
export const updateShares = (keysOrQuery: Key[] | Query, item: SystemItem, query?: Query) => updateMany<SystemItem>(path, keysOrQuery, item, query);
export const deleteShare = (key: Key) => deleteOne(path, key);
export const deleteShares = (keysOrQuery: Key[] | Query) => deleteMany(path, keysOrQuery);

/** Signs in as a share (with its password when it has one). */
export const authenticateShare = (share: string, password?: string, mode: 'json' | 'cookie' | 'session' = 'json') =>
	command<{ access_token?: string; refresh_token?: string; expires: number }>({
		method: 'POST',
		path: '/shares/auth',
		body: { share, password, mode },
		auth: false,
	});
export const inviteShare = (share: string, emails: string[]) => command<void>({ method: 'POST', path: '/shares/invite', body: { share, emails } });
export const readShareInfo = (id: string) => command<SystemItem>({ method: 'GET', path: `/shares/info/${segment(id)}` });

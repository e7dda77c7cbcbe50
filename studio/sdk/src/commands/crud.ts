// Building blocks of the commands over items and system collections (`/users`, `/roles`, ...),
// which all answer the items routes' shapes. The public commands type their bodies; these only
// shape the call, so that a bundle holds each shape once.
import { command, segment, type RestCommand } from '../command.js';
import { queryParams } from '../query.js';
import type { Query } from '../schema.js';

export type Key = string | number;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- system rows are read as the server sends them; callers name the fields they use
export type SystemItem = Record<string, any>;

export const readMany = <T = SystemItem>(path: string, query?: Query): RestCommand<T[]> => command({ method: 'GET', path, params: queryParams(query) });
export const readOne = <T = SystemItem>(path: string, key: Key, query?: Query): RestCommand<T> =>
	command({ method: 'GET', path: `${path}/${segment(key)}`, params: queryParams(query) });
export const createOne = <T = SystemItem>(path: string, item: unknown, query?: Query): RestCommand<T> =>
	command({ method: 'POST', path, params: queryParams(query), body: item });
export const createMany = <T = SystemItem>(path: string, items: unknown[], query?: Query): RestCommand<T[]> =>
	command({ method: 'POST', path, params: queryParams(query), body: items });
export const updateOne = <T = SystemItem>(path: string, key: Key, item: unknown, query?: Query): RestCommand<T> =>
	command({ method: 'PATCH', path: `${path}/${segment(key)}`, params: queryParams(query), body: item });
export const updateMany = <T = SystemItem>(path: string, keysOrQuery: Key[] | Query, item: unknown, query?: Query): RestCommand<T[]> =>
	command({
		method: 'PATCH',
		path,
		params: queryParams(query),
		body: Array.isArray(keysOrQuery) ? { keys: keysOrQuery, data: item } : { query: keysOrQuery, data: item },
	});
export const deleteOne = (path: string, key: Key): RestCommand<void> => command({ method: 'DELETE', path: `${path}/${segment(key)}` });
export const deleteMany = (path: string, keysOrQuery: Key[] | Query): RestCommand<void> =>
	command({ method: 'DELETE', path, body: Array.isArray(keysOrQuery) ? keysOrQuery : { query: keysOrQuery } });

import { command, segment } from '../command.js';
import { createMany, createOne, deleteMany, deleteOne, readMany, readOne, updateMany, updateOne, type Key, type SystemItem } from './crud.js';
import type { Query } from '../schema.js';

const path = '/flows';

export const readFlows = (query?: Query) => readMany<SystemItem>(path, query);
export const readFlow = (key: Key, query?: Query) => readOne<SystemItem>(path, key, query);
export const createFlow = (item: SystemItem, query?: Query) => createOne<SystemItem>(path, item, query);
export const createFlows = (items: SystemItem[], query?: Query) => createMany<SystemItem>(path, items, query);
export const updateFlow = (key: Key, item: SystemItem, query?: Query) => updateOne<SystemItem>(path, key, item, query);
export const updateFlows = (keysOrQuery: Key[] | Query, item: SystemItem, query?: Query) => updateMany<SystemItem>(path, keysOrQuery, item, query);
export const deleteFlow = (key: Key) => deleteOne(path, key);
export const deleteFlows = (keysOrQuery: Key[] | Query) => deleteMany(path, keysOrQuery);

/** Starts a webhook- or manually-triggered flow; resolves to what the flow returns. */
export function triggerFlow(id: string, method: 'GET' | 'POST' = 'POST', data?: Record<string, unknown>) {
	return method === 'GET'
		? command<unknown>({
				method: 'GET',
				path: `${path}/trigger/${segment(id)}`,
				params: Object.fromEntries(Object.entries(data ?? {}).map(([k, v]) => [k, String(v)])),
			})
		: command<unknown>({ method: 'POST', path: `${path}/trigger/${segment(id)}`, body: data ?? {} });
}

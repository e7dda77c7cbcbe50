import { createMany, createOne, deleteMany, deleteOne, readMany, readOne, updateMany, updateOne, type Key, type SystemItem } from './crud.js';
import { command } from '../command.js';
import type { Query } from '../schema.js';

const path = '/policies';

export const readPolicies = (query?: Query) => readMany<SystemItem>(path, query);
export const readPolicy = (key: Key, query?: Query) => readOne<SystemItem>(path, key, query);
export const createPolicy = (item: SystemItem, query?: Query) => createOne<SystemItem>(path, item, query);
export const createPolicies = (items: SystemItem[], query?: Query) => createMany<SystemItem>(path, items, query);
export const updatePolicy = (key: Key, item: SystemItem, query?: Query) => updateOne<SystemItem>(path, key, item, query);
export const updatePolicies = (keysOrQuery: Key[] | Query, item: SystemItem, query?: Query) => updateMany<SystemItem>(path, keysOrQuery, item, query);
export const deletePolicy = (key: Key) => deleteOne(path, key);
export const deletePolicies = (keysOrQuery: Key[] | Query) => deleteMany(path, keysOrQuery);

/** The caller's admin and app access flags, combined over their policies. */
export const readPolicyGlobals = () =>
	command<{ admin_access: boolean; app_access: boolean; enforce_tfa?: boolean }>({ method: 'GET', path: '/policies/me/globals' });

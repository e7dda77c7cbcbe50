import { command } from '../command.js';
import { queryParams } from '../query.js';
import type { Query } from '../schema.js';
import type { SystemItem } from './crud.js';

export const readSettings = (query?: Query) => command<SystemItem>({ method: 'GET', path: '/settings', params: queryParams(query) });
export const updateSettings = (item: SystemItem, query?: Query) =>
	command<SystemItem>({ method: 'PATCH', path: '/settings', params: queryParams(query), body: item });

import { readMany, readOne, type Key, type SystemItem } from './crud.js';
import type { Query } from '../schema.js';

export const readActivities = (query?: Query) => readMany<SystemItem>('/activity', query);
export const readActivity = (key: Key, query?: Query) => readOne<SystemItem>('/activity', key, query);

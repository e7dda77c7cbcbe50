import { readMany, readOne, type Key, type SystemItem } from './crud.js';
import type { Query } from '../schema.js';

export const readRevisions = (query?: Query) => readMany<SystemItem>('/revisions', query);
export const readRevision = (key: Key, query?: Query) => readOne<SystemItem>('/revisions', key, query);

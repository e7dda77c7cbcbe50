import { command, segment } from '../command.js';
import { readMany, type SystemItem } from './crud.js';

/** A collection: its name, its `meta` (display, singleton, ...) and its `schema` (the table). */
export interface Collection extends SystemItem {
	collection: string;
	meta: SystemItem | null;
	schema: SystemItem | null;
}

export const readCollections = () => readMany<Collection>('/collections');
export const readCollection = (collection: string) => command<Collection>({ method: 'GET', path: `/collections/${segment(collection)}` });
/** Creates a collection (a table, or a folder when `schema` is null), with its fields. */
export const createCollection = (item: Partial<Collection> & { fields?: SystemItem[] }) =>
	command<Collection>({ method: 'POST', path: '/collections', body: item });
export const updateCollection = (collection: string, item: Partial<Collection>) =>
	command<Collection>({ method: 'PATCH', path: `/collections/${segment(collection)}`, body: item });
export const deleteCollection = (collection: string) => command<void>({ method: 'DELETE', path: `/collections/${segment(collection)}` });

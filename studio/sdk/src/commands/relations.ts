import { command, segment } from '../command.js';
import type { SystemItem } from './crud.js';

export interface Relation extends SystemItem {
	collection: string;
	field: string;
	related_collection: string | null;
	meta: SystemItem | null;
	schema: SystemItem | null;
}

export const readRelations = () => command<Relation[]>({ method: 'GET', path: '/relations' });
export const readRelationsByCollection = (collection: string) => command<Relation[]>({ method: 'GET', path: `/relations/${segment(collection)}` });
export const readRelation = (collection: string, field: string) =>
	command<Relation>({ method: 'GET', path: `/relations/${segment(collection)}/${segment(field)}` });
export const createRelation = (item: Partial<Relation>) => command<Relation>({ method: 'POST', path: '/relations', body: item });
export const updateRelation = (collection: string, field: string, item: Partial<Relation>) =>
	command<Relation>({ method: 'PATCH', path: `/relations/${segment(collection)}/${segment(field)}`, body: item });
export const deleteRelation = (collection: string, field: string) =>
	command<void>({ method: 'DELETE', path: `/relations/${segment(collection)}/${segment(field)}` });

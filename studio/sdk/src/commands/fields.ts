import { command, segment } from '../command.js';
import { readMany, type SystemItem } from './crud.js';

export interface Field extends SystemItem {
	collection: string;
	field: string;
	type: string;
	meta: SystemItem | null;
	schema: SystemItem | null;
}

const at = (collection: string, field?: string) => `/fields/${segment(collection)}${field === undefined ? '' : `/${segment(field)}`}`;

export const readFields = () => readMany<Field>('/fields');
export const readFieldsByCollection = (collection: string) => readMany<Field>(at(collection));
export const readField = (collection: string, field: string) => command<Field>({ method: 'GET', path: at(collection, field) });
export const createField = (collection: string, item: Partial<Field>) => command<Field>({ method: 'POST', path: at(collection), body: item });
export const updateField = (collection: string, field: string, item: Partial<Field>) =>
	command<Field>({ method: 'PATCH', path: at(collection, field), body: item });
export const deleteField = (collection: string, field: string) => command<void>({ method: 'DELETE', path: at(collection, field) });

import { randomUUID } from 'node:crypto';
import type { Item } from '@mantle/extensions-sdk';
import { createError } from '../../errors/index.js';
import { hashPassword } from '../../auth/passwords.js';
import type { CollectionPermission } from '../../permissions/types.js';
import type { FieldInfo } from '../../schema/types.js';
import type { EngineContext } from '../context.js';
import { concealedMask, type CollectionModel, type ManyToAny, type ManyToOne, type OneToMany } from '../schema-index.js';
import { fieldWriter } from '../values/cache.js';

/** A payload taken apart: its own columns, and the relational values written around it. */
export interface SplitPayload {
	row: Record<string, unknown>;
	/** Many-to-one fields given as objects: the related item is created or updated first. */
	relatedOne: Array<{ relation: ManyToOne; value: Item }>;
	/** One-to-many fields: written after the item, once its key is known. */
	relatedMany: Array<{ relation: OneToMany; value: unknown }>;
	relatedAny: Array<{ relation: ManyToAny; value: Item }>;
}

/**
 * The payload without keys that name no field of the collection: clients send display-only and
 * alias keys of their own, which Directus ignores, and so do we.
 */
export function knownFields(model: CollectionModel, payload: Item): Item {
	if (!isObject(payload)) return payload;
	const known: Item = {};
	for (const [key, value] of Object.entries(payload)) if (model.fields.has(key)) known[key] = value;
	return known;
}

/** Refuses fields of the collection the caller may not write. */
export function checkWritableFields(model: CollectionModel, permission: CollectionPermission, payload: Item): void {
	if (permission.fields === '*') return;
	for (const key of Object.keys(payload)) {
		if (model.fields.has(key) && !permission.fields.has(key)) {
			throw createError('noFieldAccess', { field: key, collection: model.collection });
		}
	}
}

export function splitPayload(model: CollectionModel, payload: Item): SplitPayload {
	if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
		throw createError('itemNotObject', { collection: model.collection });
	}
	const split: SplitPayload = { row: {}, relatedOne: [], relatedMany: [], relatedAny: [] };
	for (const [key, value] of Object.entries(payload)) {
		const field = model.fields.get(key);
		if (!field) continue;
		const relational = model.relational.get(key);
		if (relational?.kind === 'o2m') split.relatedMany.push({ relation: relational, value });
		else if (relational?.kind === 'm2o' && isObject(value)) split.relatedOne.push({ relation: relational, value });
		else if (relational?.kind === 'm2a' && isObject(value)) split.relatedAny.push({ relation: relational, value });
		else if (field.schema) split.row[key] = value;
	}
	return split;
}

/** With `plainWrites`, related items may only be named by key: nothing nested is written through this call. */
export function assertPlainWrite(context: EngineContext, model: CollectionModel, split: SplitPayload): void {
	if (!context.plainWrites) return;
	const nested = [...split.relatedOne, ...split.relatedMany, ...split.relatedAny].map(({ relation }) => relation.field);
	if (nested.length > 0) throw createError('nestedWriteRefused', { collection: model.collection, field: nested[0]! });
}

export function isObject(value: unknown): value is Item {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Completes a row before SQL: the fields the system fills (`date-created`, `user-updated`,
 * generated UUIDs, hashed secrets), required values present, every value coerced to its type.
 */
export async function completeRow(
	context: EngineContext,
	model: CollectionModel,
	row: Record<string, unknown>,
	action: 'create' | 'update',
): Promise<Record<string, unknown>> {
	const now = new Date().toISOString();
	const user = context.accountability?.user ?? null;
	const fill = (special: string, value: unknown) => {
		for (const field of model.specials.get(special) ?? []) row[field] = value;
	};
	if (action === 'create') {
		fill('date-created', now);
		fill('user-created', user);
		for (const field of model.specials.get('uuid') ?? []) row[field] ??= randomUUID();
		const primary = model.fields.get(model.primary)!;
		if (primary.type === 'uuid' && row[model.primary] === undefined && !primary.schema?.default_value) row[model.primary] = randomUUID();
	} else {
		fill('date-updated', now);
		fill('user-updated', user);
	}
	// A concealed value sent back as read (the mask) means "leave it as it is".
	for (const field of model.concealed) if (row[field] === concealedMask) delete row[field];
	for (const field of model.specials.get('hash') ?? []) {
		if (typeof row[field] === 'string' && row[field] !== '') row[field] = await hashPassword(row[field] as string);
	}
	for (const field of model.columns) checkRequired(model, field, row, action);
	for (const [key, value] of Object.entries(row)) {
		if (value === undefined) delete row[key];
		else row[key] = fieldWriter(model.fields.get(key)!, context.dialect)(value);
	}
	return row;
}

function checkRequired(model: CollectionModel, field: FieldInfo, row: Record<string, unknown>, action: 'create' | 'update'): void {
	const value = row[field.field];
	const required = Boolean(field.meta?.required);
	const schema = field.schema!;
	const fillsItself = schema.has_auto_increment || schema.default_value !== null || schema.is_generated;
	const missing =
		action === 'create'
			? (value === undefined && (required || (!schema.is_nullable && !fillsItself))) || (value === null && required)
			: value === null && required;
	const names = { collection: model.collection, field: field.field };
	if (missing) throw createError('valueRequired', names, { ...names, type: 'required' });
	// An explicit null for a NOT NULL column is the client's mistake, named as Directus names it.
	if (value === null && !schema.is_nullable && !schema.has_auto_increment && !schema.is_generated) {
		throw createError('valueNotNull', names, { ...names, type: 'nnull' });
	}
}

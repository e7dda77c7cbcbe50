import Joi from 'joi';
import { fieldTypes } from '../database/introspection/field-types.js';
import { createError } from '../errors/index.js';

const identifier = Joi.string()
	.max(64)
	.pattern(/^[A-Za-z_][A-Za-z0-9_]*$/)
	.messages({ 'string.pattern.base': '{{#label}} must start with a letter or "_" and hold only letters, digits and "_"' });

const fieldSchema = Joi.object({
	name: Joi.string(),
	table: Joi.string(),
	data_type: Joi.string(),
	max_length: Joi.number().integer().min(1).allow(null),
	numeric_precision: Joi.number().integer().min(1).allow(null),
	numeric_scale: Joi.number().integer().min(0).allow(null),
	is_nullable: Joi.boolean(),
	default_value: Joi.any(),
	is_unique: Joi.boolean(),
	is_indexed: Joi.boolean(),
	is_primary_key: Joi.boolean(),
	has_auto_increment: Joi.boolean(),
	foreign_key_table: Joi.any(),
	foreign_key_column: Joi.any(),
	comment: Joi.string().allow(null, ''),
}).unknown(true);

const meta = Joi.object().unknown(true).allow(null);

export const fieldInputSchema = Joi.object({
	field: identifier.required(),
	type: Joi.string()
		.valid(...fieldTypes.filter((type) => type !== 'unknown'), 'alias')
		.allow(null),
	schema: fieldSchema.allow(null),
	meta,
	collection: Joi.string(),
}).unknown(false);

export const fieldUpdateSchema = fieldInputSchema.fork(['field'], (schema) => schema.optional());

export const collectionInputSchema = Joi.object({
	collection: identifier.required(),
	meta,
	schema: Joi.object({ name: Joi.string(), comment: Joi.string().allow(null, '') })
		.unknown(true)
		.allow(null),
	fields: Joi.array().items(fieldInputSchema),
}).unknown(false);

export const collectionUpdateSchema = Joi.object({ meta: meta.required(), collection: Joi.string(), schema: Joi.any(), fields: Joi.any() }).unknown(false);

export const relationInputSchema = Joi.object({
	collection: identifier.required(),
	field: identifier.required(),
	related_collection: identifier.allow(null),
	schema: Joi.object({ on_delete: Joi.string().valid('CASCADE', 'SET NULL', 'NO ACTION', 'RESTRICT', 'SET DEFAULT'), on_update: Joi.any() })
		.unknown(true)
		.allow(null),
	meta,
}).unknown(false);

export const relationUpdateSchema = relationInputSchema.fork(['collection', 'field'], (schema) => schema.optional());

/** Validates a request body; the error names the offending key, as INVALID_PAYLOAD. */
export function validateInput<T>(schema: Joi.Schema, input: unknown): T {
	const { value, error } = schema.validate(input, { abortEarly: true, errors: { wrap: { label: '"' } } });
	if (error) throw createError('joiPayloadMessage', { text: error.details[0]!.message });
	return value as T;
}

/** Names clients could mistake for system collections are not for user collections. */
export function assertNotReserved(collection: string): void {
	if (/^(directus|mantle)_/i.test(collection)) throw createError('collectionNameReserved', { collection });
}

import Joi from 'joi';
import { createError } from '../../errors/index.js';
import { kernelVersion } from '../../version.js';
import { validateInput } from '../validation.js';
import { snapshotFormat, type SchemaDiffResult, type Snapshot } from './types.js';

const name = Joi.string().min(1).max(64);
const meta = Joi.object().unknown(true).allow(null);

const snapshotSchema = Joi.object({
	version: Joi.number().integer().required(),
	mantle: Joi.string()
		.pattern(/^\d+\.\d+\.\d+/)
		.required()
		.messages({ 'string.pattern.base': '{{#label}} must be a version such as "1.2.3"' }),
	vendor: Joi.string().required(),
	collections: Joi.array()
		.items(Joi.object({ collection: name.required(), meta, schema: Joi.object().unknown(true).allow(null).required() }))
		.required(),
	fields: Joi.array()
		.items(
			Joi.object({
				collection: name.required(),
				field: name.required(),
				type: Joi.string().required(),
				meta,
				schema: Joi.object().unknown(true).allow(null).required(),
			}),
		)
		.required(),
	relations: Joi.array()
		.items(
			Joi.object({
				collection: name.required(),
				field: name.required(),
				related_collection: name.allow(null).required(),
				meta,
				schema: Joi.object().unknown(true).allow(null).required(),
			}),
		)
		.required(),
}).unknown(false);

const entry = Joi.object({
	kind: Joi.string().valid('N', 'D', 'E').required(),
	path: Joi.array().items(Joi.alternatives(Joi.string(), Joi.number())),
	lhs: Joi.any(),
	rhs: Joi.any(),
}).unknown(false);
const entries = Joi.array().items(entry).min(1).required();

const diffSchema = Joi.object({
	hash: Joi.string().required(),
	diff: Joi.object({
		collections: Joi.array()
			.items(Joi.object({ collection: name.required(), diff: entries }))
			.required(),
		fields: Joi.array()
			.items(Joi.object({ collection: name.required(), field: name.required(), diff: entries }))
			.required(),
		relations: Joi.array()
			.items(Joi.object({ collection: name.required(), field: name.required(), related_collection: name.allow(null), diff: entries }))
			.required(),
	}).required(),
}).unknown(false);

function major(version: string): number {
	return Number(version.split('.')[0]);
}

/**
 * A snapshot this kernel can read: the right shape, a format it knows, and not taken by a newer
 * major version (whose model may hold what this one cannot create). `force` accepts the latter.
 */
export function validateSnapshot(input: unknown, options: { force?: boolean } = {}): Snapshot {
	const snapshot = validateInput<Snapshot>(snapshotSchema, input);
	if (snapshot.version !== snapshotFormat) {
		throw createError('snapshotFormatUnsupported', { version: snapshot.version, mantle: kernelVersion, supported: snapshotFormat });
	}
	if (!options.force && major(snapshot.mantle) > major(kernelVersion)) {
		throw createError('snapshotFromNewerMajor', { taken: snapshot.mantle, mantle: kernelVersion });
	}
	return snapshot;
}

export function validateDiff(input: unknown): SchemaDiffResult {
	return validateInput<SchemaDiffResult>(diffSchema, input);
}

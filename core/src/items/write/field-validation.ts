import type { Filter, Item } from '@mantle/extensions-sdk';
import { createError, MantleError } from '../../errors/index.js';
import { validatePayload } from '../../permissions/validate-payload.js';
import type { CollectionModel } from '../schema-index.js';

/** A field's `meta.validation` as a rule, whether the metadata holds it parsed or as JSON text. */
function ruleOf(value: unknown): Filter | null {
	if (typeof value === 'string') {
		try {
			return ruleOf(JSON.parse(value));
		} catch {
			return null;
		}
	}
	return value !== null && typeof value === 'object' && Object.keys(value).length > 0 ? (value as Filter) : null;
}

/**
 * The data model's own rules: each field's `meta.validation`, checked for every caller, admins
 * and the system included, since it describes what the data may hold rather than who may write
 * it. Fields the payload leaves out are not judged (a partial update keeps what it doesn't send).
 * A field's `validation_message` replaces the generated message.
 */
export function validateFields(model: CollectionModel, payload: Item): void {
	for (const { field, rule, message } of rulesOf(model)) {
		if (!(field in payload)) continue;
		try {
			validatePayload(model.collection, rule, payload);
		} catch (error) {
			if (error instanceof MantleError && message)
				throw Object.assign(createError('fieldValidationMessage', { text: message }, error.extensions), { cause: error });
			throw error;
		}
	}
}

interface FieldRule {
	field: string;
	rule: Filter;
	message: string | null;
}

// A model is rebuilt whenever the schema changes, so rules read once per model stay current.
const rulesByModel = new WeakMap<CollectionModel, FieldRule[]>();

function rulesOf(model: CollectionModel): FieldRule[] {
	let rules = rulesByModel.get(model);
	if (!rules) {
		rules = [];
		for (const { field, meta } of model.fields.values()) {
			const rule = ruleOf(meta?.validation);
			const message = typeof meta?.validation_message === 'string' && meta.validation_message.trim() !== '' ? meta.validation_message : null;
			if (rule) rules.push({ field, rule, message });
		}
		rulesByModel.set(model, rules);
	}
	return rules;
}

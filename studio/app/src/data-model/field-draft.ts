import { fieldTypes } from '@mantle/extensions-sdk';
import { rulesToFilter, type Rule } from '../content/filter.js';
import { filterToRules } from '../lib/filter-rules.js';
import type { Field } from '../lib/schema.js';
import type { RelationKind } from './model-api.js';

export type FieldKind = 'standard' | 'group' | RelationKind;

/** The types a new field may take: every stored type but those the kernel only ever reads from an existing column. */
export const creatableFieldTypes = fieldTypes.filter((type) => !['binary', 'geometry', 'unknown'].includes(type));

export interface Condition {
	name: string;
	rules: Rule[];
	hidden: boolean;
	readonly: boolean;
	required: boolean;
}

/** Everything the field form edits, as the admin sees it; `toPayload` turns it into the API's shape. */
export interface FieldDraft {
	kind: FieldKind;
	field: string;
	type: string;
	related: string;
	reverse: string;
	allowed: string[];
	interface: string;
	options: Record<string, unknown>;
	display: string;
	display_options: Record<string, unknown>;
	width: 'half' | 'full' | 'fill';
	group: string;
	note: string;
	default_value: string;
	required: boolean;
	unique: boolean;
	nullable: boolean;
	hidden: boolean;
	readonly: boolean;
	validation: Rule[];
	validation_message: string;
	conditions: Condition[];
}

export function newDraft(): FieldDraft {
	return {
		kind: 'standard',
		field: '',
		type: 'string',
		related: '',
		reverse: '',
		allowed: [],
		interface: '',
		options: {},
		display: '',
		display_options: {},
		width: 'full',
		group: '',
		note: '',
		default_value: '',
		required: false,
		unique: false,
		nullable: true,
		hidden: false,
		readonly: false,
		validation: [],
		validation_message: '',
		conditions: [],
	};
}

export function kindOf(field: Field): FieldKind {
	const special = field.meta?.special ?? [];
	for (const kind of ['m2o', 'o2m', 'm2m', 'm2a', 'translations', 'group'] as const) if (special.includes(kind)) return kind;
	return 'standard';
}

export function draftOf(field: Field): FieldDraft {
	const meta = (field.meta ?? {}) as NonNullable<Field['meta']> & { validation?: unknown; validation_message?: string | null };
	const fallback = field.schema?.default_value;
	return {
		...newDraft(),
		kind: kindOf(field),
		field: field.field,
		type: field.type,
		interface: meta.interface ?? '',
		options: meta.options ?? {},
		display: meta.display ?? '',
		display_options: meta.display_options ?? {},
		width: meta.width ?? 'full',
		group: meta.group ?? '',
		note: meta.note ?? '',
		default_value: fallback == null ? '' : typeof fallback === 'object' ? JSON.stringify(fallback) : String(fallback),
		required: meta.required ?? false,
		unique: Boolean((field.schema as { is_unique?: boolean } | null)?.is_unique),
		nullable: field.schema?.is_nullable ?? true,
		hidden: meta.hidden ?? false,
		readonly: meta.readonly ?? false,
		validation: filterToRules(meta.validation),
		validation_message: meta.validation_message ?? '',
		conditions: (meta.conditions ?? []).map((condition) => ({
			name: condition.name ?? '',
			rules: filterToRules(condition.rule),
			hidden: condition.hidden ?? false,
			readonly: condition.readonly ?? false,
			required: condition.required ?? false,
		})),
	};
}

/** The typed default: a number for numeric types, a boolean for booleans, parsed JSON for JSON. */
export function parseDefault(type: string, text: string): unknown {
	if (text.trim() === '') return null;
	if (['integer', 'bigInteger', 'float', 'decimal'].includes(type)) {
		const number = Number(text);
		if (Number.isNaN(number)) throw new Error(`The default value “${text}” is not a number.`);
		return type === 'bigInteger' || type === 'decimal' ? text.trim() : number;
	}
	if (type === 'boolean') return text.trim() === 'true';
	if (type === 'json') {
		try {
			return JSON.parse(text);
		} catch {
			throw new Error('The default value is not valid JSON.');
		}
	}
	return text;
}

/** The field's `meta` as the API stores it. */
export function metaOf(draft: FieldDraft): Record<string, unknown> {
	return {
		interface: draft.interface || null,
		options: Object.keys(draft.options).length ? draft.options : null,
		display: draft.display || null,
		display_options: Object.keys(draft.display_options).length ? draft.display_options : null,
		width: draft.width,
		group: draft.group || null,
		note: draft.note || null,
		required: draft.required,
		hidden: draft.hidden,
		readonly: draft.readonly,
		validation: rulesToFilter(draft.validation) ?? null,
		validation_message: draft.validation_message || null,
		conditions: draft.conditions.length
			? draft.conditions.map((condition) => ({
					name: condition.name,
					rule: rulesToFilter(condition.rules) ?? {},
					hidden: condition.hidden,
					readonly: condition.readonly,
					required: condition.required,
				}))
			: null,
	};
}

/** The column's `schema`, for fields that have one. */
export function schemaOf(draft: FieldDraft): Record<string, unknown> {
	return { default_value: parseDefault(draft.type, draft.default_value), is_nullable: draft.nullable, is_unique: draft.unique };
}

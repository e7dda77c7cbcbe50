import type { OptionField } from '@mantle/extensions-sdk';

/** Option values while they are edited: JSON options are kept as the text the admin types. */
export type Draft = Record<string, unknown>;

const isJson = (field: OptionField) => field.type === 'json';

/** Saved options to editable drafts: JSON values become indented text. */
export function toDraft(fields: OptionField[], options: Record<string, unknown>): Draft {
	const draft: Draft = {};
	for (const field of fields) {
		const value = options[field.field] ?? field.schema?.default_value;
		draft[field.field] = isJson(field) && value !== undefined && typeof value !== 'string' ? JSON.stringify(value, null, 2) : value;
	}
	return draft;
}

/**
 * Drafts back to options: JSON text is parsed, unless it is one `{{ placeholder }}` the flow fills
 * in when it runs. Answers the first field whose text is not JSON, named, instead.
 */
export function fromDraft(fields: OptionField[], draft: Draft): { options: Record<string, unknown> } | { error: string } {
	const options: Record<string, unknown> = {};
	for (const field of fields) {
		const value = draft[field.field];
		if (value === undefined || value === '' || value === null) continue;
		if (isJson(field) && typeof value === 'string' && !/^\s*\{\{[^{}]+\}\}\s*$/.test(value)) {
			try {
				options[field.field] = JSON.parse(value);
			} catch {
				return { error: `${field.name} is not valid JSON.` };
			}
		} else options[field.field] = value;
	}
	return { options };
}

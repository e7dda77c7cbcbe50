import type { OptionField } from './app.js';
import { createError } from './errors.js';
import type { PrimaryKey } from './items.js';

/**
 * The options the data operations (create, read, update, delete data; notifications) share, as
 * the flows designer draws them: which collection, as whom, which keys, which query.
 */
export const flowOptionFields = {
	collection: { field: 'collection', name: 'Collection', type: 'string', meta: { interface: 'system-collection', required: true } },
	permissions: {
		field: 'permissions',
		name: 'Permissions',
		type: 'string',
		meta: {
			interface: 'select-dropdown',
			options: {
				choices: [
					{ text: 'From the trigger', value: '$trigger' },
					{ text: 'Public', value: '$public' },
					{ text: 'Full access', value: '$full' },
				],
			},
		},
		schema: { default_value: '$trigger' },
	},
	keys: {
		field: 'key',
		name: 'Keys',
		type: 'string',
		meta: { interface: 'input', note: 'A key, a list of keys, or a placeholder such as {{ $trigger.body.keys }}' },
	},
	query: { field: 'query', name: 'Query', type: 'json', meta: { interface: 'input-code' } },
	payload: { field: 'payload', name: 'Payload', type: 'json', meta: { interface: 'input-code' } },
} as const satisfies Record<string, OptionField>;

/** The collection an operation was given, or a refusal naming the operation. */
export function flowCollection(operation: string, collection: unknown): string {
	if (typeof collection !== 'string' || collection === '') throw createError('operationNeedsOption', { operation, option: 'collection' });
	return collection;
}

/** A key, a list of keys, or nothing, as the designer's `key` option holds it. */
export function flowKeys(key: unknown): PrimaryKey[] {
	const list = Array.isArray(key) ? key : key === undefined || key === null || key === '' ? [] : [key];
	return list.filter((entry): entry is PrimaryKey => typeof entry === 'string' || typeof entry === 'number');
}

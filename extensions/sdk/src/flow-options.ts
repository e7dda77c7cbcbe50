import type { OptionField } from './app.js';
import { createError } from './errors.js';
import type { FlowPermissions } from './flows.js';
import type { ItemsService, PrimaryKey } from './items.js';
import type { OperationContext } from './operation.js';

/** The options the item operations are given, as the designer's fields name them. */
export interface FlowItemOptions {
	collection?: unknown;
	permissions?: FlowPermissions;
	key?: unknown;
	query?: unknown;
	payload?: unknown;
}

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

/**
 * The items service an item operation works through: the collection it was given (or a refusal
 * naming the operation), acting as the flow's permissions option says.
 */
export async function flowItems(operation: string, options: FlowItemOptions, context: OperationContext<'items' | 'flows'>): Promise<ItemsService> {
	const collection = flowCollection(operation, options.collection);
	return context.items(collection, { accountability: await context.flows.accountabilityFor(options.permissions, context.accountability) });
}

/** A key, a list of keys, or nothing, as the designer's `key` option holds it. */
export function flowKeys(key: unknown): PrimaryKey[] {
	const list = Array.isArray(key) ? key : key === undefined || key === null || key === '' ? [] : [key];
	return list.filter((entry): entry is PrimaryKey => typeof entry === 'string' || typeof entry === 'number');
}

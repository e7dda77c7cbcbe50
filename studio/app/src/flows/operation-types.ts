import type { OptionField } from '@mantle/extensions-sdk';

export interface OperationType {
	id: string;
	name: string;
	/** The options form; a type the Studio does not know gets a JSON editor instead. */
	options: OptionField[];
}

const text = (field: string, name: string, note?: string): OptionField => ({
	field,
	name,
	type: 'string',
	meta: { interface: 'input', ...(note ? { note } : {}) },
});
const long = (field: string, name: string, note?: string): OptionField => ({
	field,
	name,
	type: 'text',
	meta: { interface: 'textarea', ...(note ? { note } : {}) },
});
const json = (field: string, name: string, note?: string): OptionField => ({
	field,
	name,
	type: 'json',
	meta: { interface: 'input-code', ...(note ? { note } : {}) },
});
const choice = (field: string, name: string, values: string[], fallback?: string): OptionField => ({
	field,
	name,
	type: 'string',
	meta: { interface: 'select-dropdown', options: { choices: values.map((value) => ({ text: value, value })) } },
	...(fallback ? { schema: { default_value: fallback } } : {}),
});
const collection: OptionField = { field: 'collection', name: 'Collection', type: 'string', meta: { interface: 'system-collection', required: true } };
const permissions: OptionField = {
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
};
const keyNote = 'A key, a list of keys, or a placeholder such as {{ $trigger.body.keys }}';

/**
 * The options of Mantle's own operations, as OptionField schemas the form is drawn from. Each
 * operation is an extension on the server; these describe what its handler reads.
 */
export const operationTypes: OperationType[] = [
	{
		id: 'condition',
		name: 'Condition',
		options: [json('filter', 'Rules', 'Filter rules on the data chain, e.g. { "$trigger": { "body": { "keys": { "_contains": 1 } } } }')],
	},
	{ id: 'item-create', name: 'Create Data', options: [collection, permissions, json('payload', 'Payload')] },
	{ id: 'item-read', name: 'Read Data', options: [collection, permissions, text('key', 'Keys', keyNote), json('query', 'Query')] },
	{
		id: 'item-update',
		name: 'Update Data',
		options: [collection, permissions, text('key', 'Keys', keyNote), json('payload', 'Payload'), json('query', 'Query')],
	},
	{ id: 'item-delete', name: 'Delete Data', options: [collection, permissions, text('key', 'Keys', keyNote), json('query', 'Query')] },
	{ id: 'log', name: 'Log to Console', options: [long('message', 'Message', 'Placeholders such as {{ $last }} are filled in from the data chain')] },
	{
		id: 'mail',
		name: 'Send Email',
		options: [
			text('to', 'To'),
			text('subject', 'Subject'),
			choice('type', 'Body type', ['markdown', 'wysiwyg', 'template'], 'markdown'),
			long('body', 'Body'),
			json('data', 'Template data'),
		],
	},
	{
		id: 'notification',
		name: 'Send Notification',
		options: [text('recipient', 'Recipient (user id)'), text('subject', 'Subject'), long('message', 'Message'), permissions],
	},
	{
		id: 'request',
		name: 'Webhook / Request URL',
		options: [
			choice('method', 'Method', ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], 'GET'),
			text('url', 'URL'),
			json('headers', 'Headers'),
			long('body', 'Body'),
		],
	},
	{
		id: 'exec',
		name: 'Run Script',
		options: [{ field: 'code', name: 'Code', type: 'text', meta: { interface: 'input-code', note: 'module.exports = async function (data) { return {}; }' } }],
	},
	{ id: 'transform', name: 'Transform Payload', options: [json('json', 'JSON')] },
	{
		id: 'sleep',
		name: 'Sleep',
		options: [{ field: 'milliseconds', name: 'Milliseconds', type: 'integer', meta: { interface: 'numeric' }, schema: { default_value: 1000 } }],
	},
	{ id: 'throw-error', name: 'Throw Error', options: [text('code', 'Error code'), text('message', 'Message')] },
	{
		id: 'trigger',
		name: 'Trigger Flow',
		options: [
			text('flow', 'Flow id'),
			json('payload', 'Payload'),
			choice('iterationMode', 'Iteration', ['serial', 'batch', 'parallel'], 'serial'),
			{ field: 'batchSize', name: 'Batch size', type: 'integer', meta: { interface: 'numeric' } },
		],
	},
	{
		id: 'json-web-token',
		name: 'JSON Web Token',
		options: [
			choice('operation', 'Operation', ['sign', 'verify', 'decode'], 'sign'),
			json('payload', 'Payload'),
			text('token', 'Token'),
			text('secret', 'Secret'),
			json('options', 'Options'),
		],
	},
];

export function operationType(id: string): OperationType | undefined {
	return operationTypes.find((type) => type.id === id);
}

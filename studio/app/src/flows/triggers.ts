import type { OptionField } from '@mantle/extensions-sdk';
import type { TriggerType } from './api.js';

const collections = (name = 'Collections'): OptionField => ({ field: 'collections', name, type: 'json', meta: { interface: 'system-collections' } });
const choice = (field: string, name: string, values: Array<[string, string]>, fallback: string): OptionField => ({
	field,
	name,
	type: 'string',
	meta: { interface: 'select-dropdown', options: { choices: values.map(([value, text]) => ({ value, text })) } },
	schema: { default_value: fallback },
});
const returned: OptionField = {
	field: 'return',
	name: 'Response',
	type: 'string',
	meta: { interface: 'input', note: 'What the run answers: $last (default), $all, or an operation key' },
};

export const triggerTypes: Array<{ id: TriggerType; name: string; options: OptionField[] }> = [
	{
		id: 'manual',
		name: 'Manual',
		options: [
			collections(),
			choice(
				'location',
				'Where the button shows',
				[
					['both', 'Item page and collection page'],
					['collection', 'Collection page'],
					['item', 'Item page'],
				],
				'both',
			),
			{ field: 'async', name: 'Run in the background', type: 'boolean', meta: { interface: 'toggle' } },
			{ field: 'requireConfirmation', name: 'Ask for confirmation first', type: 'boolean', meta: { interface: 'toggle' } },
			{ field: 'confirmationDescription', name: 'Confirmation text', type: 'string', meta: { interface: 'input' } },
			{
				field: 'fields',
				name: 'Confirmation fields',
				type: 'json',
				meta: { interface: 'input-code', note: 'Values the user gives, passed in the trigger body: [{ "field": "reason", "name": "Reason" }]' },
			},
		],
	},
	{
		id: 'event',
		name: 'Event hook',
		options: [
			choice(
				'type',
				'Type',
				[
					['action', 'Action (after the change, non-blocking)'],
					['filter', 'Filter (before the change, blocking)'],
				],
				'action',
			),
			{ field: 'scope', name: 'Scope', type: 'json', meta: { interface: 'input-code', note: 'Events, e.g. ["items.create", "items.update"]' } },
			collections(),
			returned,
		],
	},
	{
		id: 'webhook',
		name: 'Webhook',
		options: [
			choice(
				'method',
				'Method',
				[
					['GET', 'GET'],
					['POST', 'POST'],
				],
				'GET',
			),
			{ field: 'async', name: 'Answer at once, run in the background', type: 'boolean', meta: { interface: 'toggle' } },
			{ field: 'requireAuth', name: 'Callers must be signed in', type: 'boolean', meta: { interface: 'toggle' } },
			returned,
		],
	},
	{
		id: 'schedule',
		name: 'Schedule (cron)',
		options: [{ field: 'cron', name: 'Interval', type: 'string', meta: { interface: 'input', note: 'Cron with seconds, e.g. */15 * * * * *' } }],
	},
	{ id: 'operation', name: 'Another flow', options: [returned] },
];

export const triggerType = (id: string | null) => triggerTypes.find((type) => type.id === id);

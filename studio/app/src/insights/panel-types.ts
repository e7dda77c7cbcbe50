import type { OptionField } from '@mantle/extensions-sdk';

const collection: OptionField = { field: 'collection', name: 'Collection', type: 'string', meta: { interface: 'system-collection', required: true } };
const text = (field: string, name: string, note?: string): OptionField => ({
	field,
	name,
	type: 'string',
	meta: { interface: 'input', ...(note ? { note } : {}) },
});
const filter: OptionField = {
	field: 'filter',
	name: 'Filter',
	type: 'json',
	meta: { interface: 'input-code', note: 'Filter rules; dashboard variables as {{ name }}, e.g. { "status": { "_eq": "{{ status }}" } }' },
};
const fn: OptionField = {
	field: 'function',
	name: 'Function',
	type: 'string',
	meta: {
		interface: 'select-dropdown',
		options: { choices: ['count', 'countDistinct', 'sum', 'avg', 'min', 'max'].map((value) => ({ text: value, value })) },
	},
	schema: { default_value: 'count' },
};
const valueField = text('field', 'Field', 'The field the function reads; count uses the primary key when empty');

export interface PanelType {
	id: string;
	name: string;
	options: OptionField[];
	/** In grid units. */
	width: number;
	height: number;
}

/** The panels the Studio draws itself; panel extensions add their own. */
export const panelTypes: PanelType[] = [
	{ id: 'metric', name: 'Metric', width: 12, height: 6, options: [collection, fn, valueField, filter, text('prefix', 'Prefix'), text('suffix', 'Suffix')] },
	{
		id: 'time-series',
		name: 'Time series',
		width: 24,
		height: 10,
		options: [
			collection,
			text('dateField', 'Date field'),
			{
				field: 'precision',
				name: 'Group by',
				type: 'string',
				meta: { interface: 'select-dropdown', options: { choices: ['year', 'month', 'day'].map((value) => ({ text: value, value })) } },
				schema: { default_value: 'month' },
			},
			fn,
			valueField,
			filter,
		],
	},
	{ id: 'bar', name: 'Bar chart', width: 18, height: 10, options: [collection, text('groupField', 'Group by field'), fn, valueField, filter] },
	{ id: 'pie', name: 'Pie chart', width: 12, height: 10, options: [collection, text('groupField', 'Group by field'), fn, valueField, filter] },
	{
		id: 'list',
		name: 'List',
		width: 12,
		height: 10,
		options: [
			collection,
			text('displayField', 'Field shown'),
			text('sort', 'Sort', 'A field, "-" first for descending'),
			{ field: 'limit', name: 'Items', type: 'integer', meta: { interface: 'numeric' }, schema: { default_value: 5 } },
			filter,
		],
	},
	{ id: 'label', name: 'Label', width: 12, height: 4, options: [{ field: 'text', name: 'Text', type: 'text', meta: { interface: 'textarea' } }] },
	{
		id: 'variable',
		name: 'Variable',
		width: 8,
		height: 5,
		options: [text('field', 'Variable name', 'Other panels use it as {{ name }}'), text('defaultValue', 'Default value')],
	},
];

export const panelType = (id: string) => panelTypes.find((type) => type.id === id);

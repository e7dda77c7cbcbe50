import { defineDisplay } from '@mantle/extensions-sdk';

export default defineDisplay({
	id: 'raw',
	name: 'Raw value',
	icon: 'code',
	types: [
		'string',
		'text',
		'integer',
		'bigInteger',
		'float',
		'decimal',
		'boolean',
		'uuid',
		'json',
		'csv',
		'date',
		'time',
		'dateTime',
		'timestamp',
		'alias',
		'unknown',
	],
	component: ({ value }) => (
		<span class="display-raw">{value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value)}</span>
	),
	handler: (value) => (value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value)),
});

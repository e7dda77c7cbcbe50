import { defineDisplay } from '@mantle/extensions-sdk';

interface Options {
	labelOn?: string;
	labelOff?: string;
}

export default defineDisplay<unknown, Options>({
	id: 'boolean',
	name: 'Boolean',
	icon: 'check_box',
	types: ['boolean'],
	options: [
		{ field: 'labelOn', name: 'Label when true', type: 'string' },
		{ field: 'labelOff', name: 'Label when false', type: 'string' },
	],
	component: ({ value, options }) =>
		value === null || value === undefined ? null : (
			<span class={`display-boolean ${value ? 'on' : 'off'}`}>{value ? (options.labelOn ?? '✓ Yes') : (options.labelOff ?? '✗ No')}</span>
		),
	handler: (value, options) => (value === null || value === undefined ? '' : value ? (options.labelOn ?? 'Yes') : (options.labelOff ?? 'No')),
});
